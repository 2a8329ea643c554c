
namespace MtMcp.Gateways.Bridge;

/// <summary>Sending trades: idempotency by client order id, the live-trading gate, and reconciliation of uncertain outcomes.</summary>
public sealed partial class BridgeBrokerGateway
{
    // Deals are searched from this long before the intent: terminal and server clocks differ a little.
    private static readonly TimeSpan s_historyMargin = TimeSpan.FromMinutes(5);

    private readonly ClientOrderLedger _ledger = new();

    /// <inheritdoc/>
    /// <remarks>
    /// A request without a client order id gets a fresh one. The same id again returns the first final result, joins
    /// a send still in flight, or, when the first outcome stayed uncertain, reconciles again instead of sending. An
    /// outcome reconciled to "not executed" is not kept, so the caller may send the same id again.
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
            intentMs => ReconcileAsync(request, Tag(id), intentMs, _disposing.Token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public bool IsKnownClientOrder(string clientOrderId) => _ledger.IsKnown(clientOrderId);

    private async Task<SendAttempt> SendOnceAsync(TradeRequest request, CancellationToken cancellationToken)
    {
        var id = request.ClientOrderId!;
        var tag = Tag(id);
        if (!TradingEnabled)
        {
            var live = Info.TradeMode == AccountTradeMode.Real;
            return SendAttempt.NotExecuted(Refusal(request, TradeRetcode.Reject, live ? "live_trading" : "bridge_trading", live
                ? $"Account '{Name}' is a REAL account: trading on it needs the explicit setting trading.live.real_accounts = true; nothing was sent."
                : $"Trading on bridged accounts is not enabled (server mode live and bridge trading); nothing was sent to '{Name}'."));
        }

        if (ConnectedSession() is not { } session)
        {
            return SendAttempt.NotExecuted(Refusal(request, TradeRetcode.Reject, null,
                $"The MetaTrader terminal of account '{Name}' is not connected to the bridge; nothing was sent."));
        }

        var intentMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var answer = await session.SendTradeAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Outcome != TradeOutcome.Uncertain)
        {
            var result = ToResult(request, answer);
            return answer.Sent ? SendAttempt.Final(result) : SendAttempt.NotExecuted(result);
        }

        Log.TradeUncertain(_logger, Name, tag, answer.ErrorCode ?? "retcode", answer.Retcode ?? 0);
        return await ReconcileAsync(request, tag, intentMs, cancellationToken).ConfigureAwait(false);
    }

    private string Tag(string clientOrderId) => BridgeTags.ForClientOrder(Key, clientOrderId);

    private TradeResult ToResult(TradeRequest request, BridgeTradeResult answer)
    {
        var retcode = answer.Retcode is { } code
            ? (TradeRetcode)code
            : answer.Outcome switch
            {
                TradeOutcome.Retryable => TradeRetcode.TooManyRequests,
                _ when answer.ErrorCode == BridgeErrorCodes.TradingDisabled => TradeRetcode.ClientDisablesAutoTrading,
                _ => TradeRetcode.Reject,
            };
        return new TradeResult
        {
            Retcode = retcode,
            Action = request.Action,
            Message = answer.Retcode is null && answer.ErrorCode is { } error ? $"{error}: {answer.Message}" : answer.Message,
            Order = answer.Order,
            Deal = answer.Deal,
            Position = request.Position,
            Volume = answer.Volume,
            Price = answer.Price,
            Bid = answer.Bid,
            Ask = answer.Ask,
            ClientOrderId = request.ClientOrderId,
            TimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private TradeResult Refusal(TradeRequest request, TradeRetcode retcode, string? check, string message) => new()
    {
        Retcode = retcode,
        Action = request.Action,
        Message = message,
        ClientOrderId = request.ClientOrderId,
        RiskCheck = check,
        TimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
    };
}
