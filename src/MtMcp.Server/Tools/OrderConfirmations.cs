using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Engine;

namespace MtMcp.Server.Tools;

/// <summary>
/// Asks the user to confirm trading requests through the client (MRTR <see cref="InputRequiredException"/>, bridged by
/// the SDK to <c>elicitation/create</c> for older clients; mcp.md §6). Two rules decide: every request that changes a
/// REAL account (new, changed and cancelled orders, stop changes, closes), and every deal or pending order above
/// <see cref="ServerSettings.ConfirmAboveLots"/> lots on any account (a close of more lots, a bulk close of more lots
/// in all).
/// </summary>
/// <remarks>
/// The pending request is kept here, keyed by the caller and a random handle; the handle travels as <c>requestState</c>,
/// which is untrusted, so an answer only counts when its handle is known, unexpired, belongs to the same caller and the
/// retried arguments build exactly the request that was shown (for a bulk close: the same filter and the same positions).
/// Each handle is used once. No tool argument can confirm a request, and a client that cannot ask the user gets it
/// refused. Thread-safe.
/// </remarks>
internal sealed class OrderConfirmations(ServerSettings settings, TimeProvider time)
{
    /// <summary>The elicitation field the user answers.</summary>
    public const string Field = "confirm";

    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="request"/> is above the configured size (a deal or pending order of more lots).</summary>
    public bool Needed(TradeRequest request) => Above(request.Volume);

    /// <summary>Whether <paramref name="request"/> on an account of <paramref name="mode"/> needs the user's confirmation.</summary>
    public bool Needed(TradeRequest request, AccountTradeMode mode) => mode == AccountTradeMode.Real || Above(request.Volume);

    /// <summary>Whether closing <paramref name="positions"/> at once on an account of <paramref name="mode"/> needs the user's confirmation.</summary>
    public bool Needed(IReadOnlyList<Position> positions, AccountTradeMode mode)
    {
        var lots = 0m;
        foreach (var position in positions)
        {
            lots += position.Volume;
        }

        return positions.Count > 0 && (mode == AccountTradeMode.Real || Above(lots));
    }

    /// <summary>The trade mode of <paramref name="target"/>'s account: a broker account's as its broker reports it.</summary>
    public static AccountTradeMode Mode(TradingTarget target) =>
        target.Broker is { } gateway ? gateway.Info.TradeMode : target.Paper!.Read(target.Name, a => a.Settings.Info.TradeMode);

    /// <summary>
    /// The open positions of <paramref name="target"/> that <paramref name="filter"/> may close, by symbol, side and
    /// magic (the profit sign is left out: it moves with the price, so the user is shown every position it may touch).
    /// </summary>
    public static async Task<IReadOnlyList<Position>> CandidatesAsync(TradingTarget target, PositionFilter filter, CancellationToken cancellationToken)
    {
        var open = target.Broker is { } gateway
            ? await BrokerAccountViews.Read(gateway, g => g.GetPositionsAsync(filter.Symbol, cancellationToken)).ConfigureAwait(false)
            : target.Paper!.Read(target.Name, a => a.Positions.ToList());
        return [.. open.Where(p => (filter.Symbol is null || p.Symbol.Equals(filter.Symbol, StringComparison.OrdinalIgnoreCase))
            && (filter.Type is null || p.Type == filter.Type) && (filter.Magic is null || p.Magic == filter.Magic)).OrderBy(p => p.Ticket)];
    }

    /// <summary>A one-line description of a request other than a new order (which place_order describes with its margin).</summary>
    public static string Describe(string account, TradeRequest request) => request.Action switch
    {
        TradeAction.Deal when request.Position != 0 => Invariant($"Close {request.Volume} lots of position #{request.Position} ({request.Symbol}) at market on account '{account}'."),
        TradeAction.SlTp => Invariant($"Set stop loss {Level(request.StopLoss)} and take profit {Level(request.TakeProfit)} on position #{request.Position} ({request.Symbol}), account '{account}'."),
        TradeAction.Modify => Invariant($"Change pending order #{request.Order} ({request.Symbol}) to price {request.Price}, stop loss {Level(request.StopLoss)}, take profit {Level(request.TakeProfit)}, account '{account}'."),
        TradeAction.Remove => Invariant($"Cancel pending order #{request.Order} ({request.Symbol}) on account '{account}'."),
        _ => Invariant($"{request.Type} {request.Volume} lots {request.Symbol} on account '{account}'."),
    };

    /// <summary>A one-line description of a bulk close of <paramref name="positions"/>.</summary>
    public static string Describe(string account, IReadOnlyList<Position> positions)
    {
        var lots = 0m;
        foreach (var position in positions)
        {
            lots += position.Volume;
        }

        return Invariant($"Close {positions.Count} position(s), {lots} lots in all, at market on account '{account}': ")
            + string.Join(", ", positions.Take(20).Select(p => Invariant($"#{p.Ticket} {p.Type} {p.Volume} {p.Symbol}")))
            + (positions.Count > 20 ? ", …" : "") + ".";
    }

    /// <summary>
    /// Returns when the user accepted this very request in the answer the request carries; otherwise asks (throws
    /// <see cref="InputRequiredException"/>) or refuses (throws <see cref="ToolErrorException"/>).
    /// </summary>
    public void Require(McpServer? server, RequestParams? request, ClaimsPrincipal? user, string account, TradeRequest order, string summary,
        AccountTradeMode mode = AccountTradeMode.Demo) =>
        Ask(server, request, user, account, order, summary, mode);

    /// <summary>As <see cref="Require(McpServer?, RequestParams?, ClaimsPrincipal?, string, TradeRequest, string, AccountTradeMode)"/>, for a bulk close.</summary>
    public void Require(McpServer? server, RequestParams? request, ClaimsPrincipal? user, string account, PositionFilter filter, IReadOnlyList<Position> positions,
        AccountTradeMode mode) =>
        Ask(server, request, user, account, new BulkClose(filter, string.Join(',', positions.Select(p => p.Ticket.ToString(CultureInfo.InvariantCulture)))),
            Describe(account, positions), mode);

    private void Ask(McpServer? server, RequestParams? request, ClaimsPrincipal? user, string account, object subject, string summary, AccountTradeMode mode)
    {
        var caller = Caller(user);
        var now = time.GetUtcNow();
        if (request?.InputResponses is { } responses && responses.TryGetValue(Field, out var answer))
        {
            var key = caller + ":" + (request.RequestState ?? "");
            if (!_pending.TryRemove(key, out var pending) || pending.Expires < now)
            {
                throw Refused(ToolErrorCodes.ConfirmationRequired,
                    "That confirmation is unknown or expired (confirmations last 5 minutes and count once). Nothing was sent; call the tool again to ask the user anew.");
            }

            if (!pending.Account.Equals(account, StringComparison.Ordinal) || !pending.Subject.Equals(subject))
            {
                throw Refused(ToolErrorCodes.ConfirmationRequired,
                    "The user confirmed something else than this request (other arguments, or the positions changed meanwhile). Nothing was sent; call the tool again to ask the user anew.");
            }

            var result = answer.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
            var accepted = result is { Action: "accept" } && result.Content?.TryGetValue(Field, out var value) == true && value.ValueKind == JsonValueKind.True;
            if (!accepted)
            {
                throw Refused(ToolErrorCodes.Declined, "The user did not confirm the request. Nothing was sent; do not retry unless the user asks for it.");
            }

            return;
        }

        var reason = mode == AccountTradeMode.Real
            ? "Every trading request on a REAL account needs the user's confirmation"
            : Invariant($"Orders above {settings.ConfirmAboveLots} lots need the user's confirmation");
        if (server is not { IsMrtrSupported: true } || server.ClientCapabilities?.Elicitation is null)
        {
            throw Refused(ToolErrorCodes.ConfirmationRequired,
                reason + ", and this client cannot ask for it (no elicitation support). Nothing was sent. Use a client that supports elicitation"
                + (mode == AccountTradeMode.Real ? "." : Invariant($", or at most {settings.ConfirmAboveLots} lots.")));
        }

        Purge(now);
        var handle = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _pending[caller + ":" + handle] = new Pending(account, subject, now + s_lifetime);
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
            {
                [Field] = new ElicitRequestParams.BooleanSchema { Title = "Send this request", Description = "Yes sends it as shown; no sends nothing." },
            },
            Required = [Field],
        };
        throw new InputRequiredException(
            new Dictionary<string, InputRequest>
            {
                [Field] = InputRequest.ForElicitation(new ElicitRequestParams { Message = summary, RequestedSchema = schema }),
            },
            handle);
    }

    private bool Above(decimal lots) => settings.ConfirmAboveLots is { } limit && lots > limit;

    private static string Level(double price) => price == 0 ? "none" : price.ToString("G", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private void Purge(DateTimeOffset now)
    {
        foreach (var (key, pending) in _pending)
        {
            if (pending.Expires < now)
            {
                _pending.TryRemove(key, out _);
            }
        }
    }

    // Bound to the authenticated caller on HTTP; stdio has one local user.
    private static string Caller(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "user" : "local";

    private static ToolErrorException Refused(string code, string message) => new(new ToolError(code, message, Retryable: false));

    // A bulk close is confirmed for its filter and exactly the positions shown (tickets in order).
    private sealed record BulkClose(PositionFilter Filter, string Tickets);

    private sealed record Pending(string Account, object Subject, DateTimeOffset Expires);
}
