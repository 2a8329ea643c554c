using System.Globalization;
using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>Sending trades: idempotency by client order id, the live-trading gate, and reconciliation of lost answers.</summary>
public sealed partial class MetaApiGateway
{
    // History is searched from this long before the intent: MetaApi's and this server's clocks differ a little.
    private static readonly TimeSpan s_historyMargin = TimeSpan.FromMinutes(5);

    private readonly ClientOrderLedger _ledger = new();

    /// <inheritdoc/>
    /// <remarks>
    /// A request without a client order id gets a fresh one. The same id again returns the first final result, joins a
    /// send still in flight, or, when the first outcome stayed uncertain, reconciles again instead of sending. A
    /// request that certainly did not execute (refused before the broker, or reconciled to "not executed") is not
    /// kept, so the caller may send the same id again.
    /// </remarks>
    public async Task<TradeResult> SendAsync(TradeRequest request, TradeOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        if (request.ClientOrderId is null)
        {
            request = request with { ClientOrderId = "gw-" + Guid.NewGuid().ToString("N") };
        }

        var id = request.ClientOrderId!;
        return await _ledger.RunAsync(
            id,
            () => SendOnceAsync(request, _disposing.Token),
            intentMs => ReconcileAsync(request, ClientId(id), intentMs, _disposing.Token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public bool IsKnownClientOrder(string clientOrderId) => _ledger.IsKnown(clientOrderId);

    private async Task<SendAttempt> SendOnceAsync(TradeRequest request, CancellationToken cancellationToken)
    {
        if (!TradingEnabled)
        {
            var live = Info.TradeMode == AccountTradeMode.Real;
            return SendAttempt.NotExecuted(Result(request, TradeRetcode.Reject, live
                ? $"Account '{Name}' is a REAL account: trading on it needs the explicit setting trading.live.real_accounts = true; nothing was sent."
                : $"Trading on MetaApi accounts is not enabled (server mode live); nothing was sent to '{Name}'.") with
            {
                RiskCheck = live ? "live_trading" : "metaapi_trading",
            });
        }

        var clientId = ClientId(request.ClientOrderId!);
        Position? open = null;
        if (request.Action == TradeAction.Deal && request.Position != 0)
        {
            try
            {
                open = await FindPositionAsync(request.Position, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayUnavailableException ex)
            {
                return SendAttempt.NotExecuted(Result(request, TradeRetcode.Reject, ex.Message + " Nothing was sent."));
            }

            if (open is null)
            {
                return SendAttempt.NotExecuted(Result(request, TradeRetcode.PositionClosed,
                    string.Create(CultureInfo.InvariantCulture, $"Position #{request.Position} is not open; nothing was sent.")));
            }
        }

        TradeDto trade;
        try
        {
            trade = MetaApiMapping.ToTrade(request, clientId, open);
        }
        catch (ArgumentException ex)
        {
            return SendAttempt.NotExecuted(Result(request, TradeRetcode.Invalid, ex.Message + " Nothing was sent."));
        }

        var intentMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var post = await _client.PostTradeAsync(trade, cancellationToken).ConfigureAwait(false);
        if (post.Answer is { } answer && MetaApiMapping.ToRetcode(answer.NumericCode!.Value, answer.StringCode) is { } retcode)
        {
            var result = Result(request, retcode, Explain(answer)) with
            {
                Order = answer.OrderId,
                Position = answer.PositionId != 0 ? answer.PositionId : request.Position,
                Volume = retcode is TradeRetcode.Done or TradeRetcode.Placed ? request.Volume : 0,
            };
            if (result.Outcome is TradeOutcome.Filled or TradeOutcome.Partial or TradeOutcome.Placed)
            {
                result = await CompleteAsync(request, clientId, intentMs, result, cancellationToken).ConfigureAwait(false);
                Notify(BrokerTradeChange.Resync);
            }

            // An answer from the broker is final (the same id returns it again); MetaApi's own refusals are not.
            return retcode == TradeRetcode.Locked ? SendAttempt.NotExecuted(result) : SendAttempt.Final(result);
        }

        if (!post.IsLost && post.Answer is null)
        {
            var refusal = post.Status switch
            {
                429 => TradeRetcode.TooManyRequests,
                400 => TradeRetcode.Invalid,
                _ => TradeRetcode.Reject,
            };
            return SendAttempt.NotExecuted(Result(request, refusal, post.Problem + " Nothing was executed."));
        }

        var reason = post.Answer is { } unknown ? $"{unknown.StringCode} ({unknown.NumericCode})" : post.Problem;
        Log.TradeUncertain(_logger, Name, clientId, reason);
        return await ReconcileAsync(request, clientId, intentMs, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Position?> FindPositionAsync(ulong ticket, CancellationToken cancellationToken)
    {
        foreach (var position in await GetPositionsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (position.Ticket == ticket)
            {
                return position;
            }
        }

        return null;
    }

    /// <summary>Fills the deal ticket, executed volume and average price of a filled request from its deals (best effort).</summary>
    private async Task<TradeResult> CompleteAsync(TradeRequest request, string clientId, long intentMs, TradeResult result, CancellationToken cancellationToken)
    {
        if (result.Outcome == TradeOutcome.Placed)
        {
            return result with { Price = request.Price };
        }

        if (request.Action is not (TradeAction.Deal or TradeAction.CloseBy))
        {
            // SL/TP and order changes execute no deal.
            return result;
        }

        try
        {
            var (from, to) = HistoryWindow(intentMs);
            return Executed(await ReadDealsAsync(from, to, cancellationToken).ConfigureAwait(false), clientId, request, result) ?? result;
        }
        catch (GatewayUnavailableException)
        {
            // The trade stands; only the fill details are missing.
            return result;
        }
    }

    private static string Explain(TradeResponseDto answer)
    {
        var text = answer.Message is { Length: > 0 } message ? message : TradeRetcodes.Describe(answer.NumericCode ?? 0);
        return TradeRetcodes.MqlName(answer.NumericCode ?? 0) is null && answer.StringCode is { } code
            ? $"{text} (MetaApi {code})"
            : text;
    }

    private string ClientId(string clientOrderId)
    {
        var id = MetaApiClientIds.For(_options.AccountId, clientOrderId);
        _clientOrderIds.TryAdd(id, clientOrderId);
        return id;
    }

    private TradeResult Result(TradeRequest request, TradeRetcode retcode, string message) => new()
    {
        Retcode = retcode,
        Action = request.Action,
        Message = _client.Redact(message),
        Position = request.Position,
        ClientOrderId = request.ClientOrderId,
        TimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    private (long From, long To) HistoryWindow(long intentMs)
    {
        var margin = (long)s_historyMargin.TotalMilliseconds;
        return (intentMs - margin, _time.GetUtcNow().ToUnixTimeMilliseconds() + margin);
    }

}
