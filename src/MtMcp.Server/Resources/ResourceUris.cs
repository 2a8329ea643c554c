using ModelContextProtocol;
using MtMcp.Domain;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Resources;

/// <summary>The server's resource URIs (public API: clients subscribe to them) and their parsing.</summary>
internal static class ResourceUris
{
    /// <summary>The MIME type of the JSON resources.</summary>
    public const string Json = "application/json";

    /// <summary>An account's state.</summary>
    public const string Account = "mt://accounts/{account}";

    /// <summary>An account's open positions.</summary>
    public const string Positions = "mt://accounts/{account}/positions";

    /// <summary>An account's working orders.</summary>
    public const string Orders = "mt://accounts/{account}/orders";

    /// <summary>A symbol's live quote.</summary>
    public const string Quote = "mt://quotes/{symbol}";

    /// <summary>A symbol's specification.</summary>
    public const string SymbolSpec = "mt://symbols/{symbol}";

    /// <summary>Every alert with its firings.</summary>
    public const string Alerts = "mt://alerts";

    /// <summary>One alert with its firings.</summary>
    public const string Alert = "mt://alerts/{id}";

    /// <summary>One live strategy's status (the shape of one <c>get_strategy_status</c> entry).</summary>
    public const string Strategy = "mt://strategies/{id}";

    /// <summary>The risk policy document.</summary>
    public const string RiskPolicy = "mt://docs/risk-policy";

    /// <summary>The strategy language document.</summary>
    public const string StrategyLanguage = "mt://docs/strategy-language";

    private const string Scheme = "mt://";

    /// <summary>The catalogue symbol named in a resource URI.</summary>
    /// <exception cref="McpProtocolException">Not a known symbol (resource not found).</exception>
    public static SymbolSpec Symbol(ServerSettings settings, string symbol)
    {
        try
        {
            return Args.Symbol(settings.Catalog, symbol);
        }
        catch (ToolErrorException error)
        {
            throw new McpProtocolException(error.Message, McpErrorCode.ResourceNotFound);
        }
    }

    /// <summary>
    /// Parses a subscribable URI into what it watches; null when it is none of the server's resources. Names keep the
    /// case they were given: the caller resolves them.
    /// </summary>
    public static Watched? Parse(string uri)
    {
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = uri[Scheme.Length..].Split('/');
        return parts switch
        {
            ["quotes", { Length: > 0 } symbol] => new Watched(WatchedKind.Quote, Uri.UnescapeDataString(symbol)),
            ["symbols", { Length: > 0 } symbol] => new Watched(WatchedKind.Symbol, Uri.UnescapeDataString(symbol)),
            ["accounts", { Length: > 0 } account] => new Watched(WatchedKind.Account, Uri.UnescapeDataString(account)),
            ["accounts", { Length: > 0 } account, "positions"] => new Watched(WatchedKind.Positions, Uri.UnescapeDataString(account)),
            ["accounts", { Length: > 0 } account, "orders"] => new Watched(WatchedKind.Orders, Uri.UnescapeDataString(account)),
            ["docs", "risk-policy" or "strategy-language"] => new Watched(WatchedKind.Document, parts[1]),
            ["alerts"] => new Watched(WatchedKind.Alerts, string.Empty),
            ["alerts", { Length: > 0 } id] => new Watched(WatchedKind.Alerts, Uri.UnescapeDataString(id)),
            ["strategies", { Length: > 0 } id] => new Watched(WatchedKind.Strategy, Uri.UnescapeDataString(id)),
            _ => null,
        };
    }
}

/// <summary>What a subscribable resource URI refers to.</summary>
internal enum WatchedKind
{
    Quote,
    Symbol,
    Account,
    Positions,
    Orders,
    Document,

    /// <summary>The alerts (name empty) or one alert; <see cref="Alerts.AlertService"/> publishes their updates.</summary>
    Alerts,

    /// <summary>One live strategy; <see cref="StrategyResourcePublisher"/> publishes its updates.</summary>
    Strategy,
}

/// <summary>A parsed resource URI: its kind and the symbol, account or document it names.</summary>
internal sealed record Watched(WatchedKind Kind, string Name);
