using System.Text.Json.Nodes;
using MtMcp.Domain;
using MtMcp.Engine;

namespace MtMcp.Testing.Bridge;

/// <summary>
/// The broker side of a simulated MetaTrader 5 terminal: one account on the engine's <see cref="SimulatedVenue"/>, so
/// trade requests get real MT5 retcodes, plus the EA's de-duplication ring (tag → first result). It outlives the EA's
/// connections, as a terminal outlives its links to the server.
/// </summary>
/// <remarks>Thread-safe through <see cref="Sync"/>: every call into the venue takes it.</remarks>
public sealed class SimulatedTerminal
{
    private readonly Dictionary<string, JsonObject> _ring = new(StringComparer.Ordinal);
    private int _orderSendCalls;

    /// <summary>Creates a terminal logged in to <paramref name="login"/> with a deposit of 10 000 USD, leverage 100.</summary>
    /// <param name="login">Account number.</param>
    /// <param name="tradeMode">ACCOUNT_TRADE_MODE_DEMO, _CONTEST or _REAL.</param>
    /// <param name="hedging">Hedging (true) or netting margin mode.</param>
    /// <param name="offsetSeconds">Broker server time minus UTC.</param>
    /// <param name="server">Trade server name.</param>
    /// <param name="startMs">Account creation time, Unix ms UTC (a weekday inside forex hours).</param>
    /// <param name="symbols">The broker's symbols; default the built-in catalogue.</param>
    public SimulatedTerminal(ulong login, string tradeMode = "ACCOUNT_TRADE_MODE_DEMO", bool hedging = true, int offsetSeconds = 7200,
        string server = "Broker-Demo", long startMs = 1_718_013_600_000, SymbolCatalog? symbols = null)
    {
        Login = login;
        Server = server;
        TradeModeName = tradeMode;
        OffsetSeconds = offsetSeconds;
        Venue = new SimulatedVenue(symbols ?? SymbolCatalog.BuiltIn);
        var info = new AccountInfo
        {
            Login = login,
            Server = server,
            Name = "Simulated Trader",
            Company = "Simulated Broker Ltd",
            Currency = "USD",
            Leverage = 100,
            TradeMode = MqlText.Parse<AccountTradeMode>("ACCOUNT_TRADE_MODE_", tradeMode),
            MarginMode = hedging ? AccountMarginMode.RetailHedging : AccountMarginMode.RetailNetting,
        };
        Account = Venue.Open("terminal", new AccountSettings { Info = info, ServerTimeOffset = TimeSpan.FromSeconds(offsetSeconds) }, 10_000m, startMs);
        Account.Changes.Clear();
    }

    /// <summary>The lock around the venue and the ring.</summary>
    public object Sync { get; } = new();

    /// <summary>Account number.</summary>
    public ulong Login { get; }

    /// <summary>Trade server name.</summary>
    public string Server { get; }

    /// <summary>The MQL name of the account's trade mode.</summary>
    public string TradeModeName { get; }

    /// <summary>Broker server time minus UTC, in seconds.</summary>
    public int OffsetSeconds { get; }

    /// <summary>The venue (one board, one account).</summary>
    public SimulatedVenue Venue { get; }

    /// <summary>The broker account.</summary>
    public TradingAccount Account { get; }

    /// <summary>How many times OrderSend really ran (de-duplicated repeats excluded).</summary>
    public int OrderSendCalls => Volatile.Read(ref _orderSendCalls);

    /// <summary>Open positions now (a copy).</summary>
    public IReadOnlyList<Position> Positions
    {
        get
        {
            lock (Sync)
            {
                return [.. Account.Positions];
            }
        }
    }

    /// <summary>Applies a quote of <paramref name="symbol"/> at <paramref name="utcMs"/>; returns the trade transactions it caused.</summary>
    public IReadOnlyList<TradeTransaction> Quote(string symbol, double bid, double ask, long utcMs)
    {
        lock (Sync)
        {
            if (!Venue.Quotes.TryGetId(symbol, out var id))
            {
                throw new ArgumentException($"Symbol '{symbol}' is not on the simulated board.", nameof(symbol));
            }

            Venue.OnTick(id, new Tick(utcMs, bid, ask, 0, 0, TickFlags.Bid | TickFlags.Ask));
            return TakeTransactions();
        }
    }

    /// <summary>
    /// OrderSend with the EA's ring: a request whose tag (comment starting <c>mcp:</c>) was seen returns the first
    /// result marked <c>duplicate</c> without trading.
    /// </summary>
    public (JsonObject Result, IReadOnlyList<TradeTransaction> Transactions) Send(TradeRequest request)
    {
        lock (Sync)
        {
            var tagged = request.Comment.StartsWith("mcp:", StringComparison.Ordinal);
            if (tagged && _ring.TryGetValue(request.Comment, out var first))
            {
                var repeat = (JsonObject)first.DeepClone();
                repeat["duplicate"] = true;
                return (repeat, []);
            }

            Interlocked.Increment(ref _orderSendCalls);
            var result = Account.Send(request);
            var json = new JsonObject
            {
                ["retcode"] = (int)result.Retcode,
                ["retcode_name"] = TradeRetcodes.MqlName((int)result.Retcode),
                ["deal"] = result.Deal,
                ["order"] = result.Order,
                ["volume"] = result.Volume,
                ["price"] = result.Price,
                ["bid"] = result.Bid,
                ["ask"] = result.Ask,
                ["comment"] = result.Message,
                ["request_id"] = _orderSendCalls,
                ["retcode_external"] = 0,
                ["sent"] = true,
                ["duplicate"] = false,
            };
            if (tagged)
            {
                _ring[request.Comment] = json;
            }

            return ((JsonObject)json.DeepClone(), TakeTransactions());
        }
    }

    private TradeTransaction[] TakeTransactions()
    {
        TradeTransaction[] transactions = [.. Account.Changes.Transactions];
        Account.Changes.Clear();
        return transactions;
    }
}
