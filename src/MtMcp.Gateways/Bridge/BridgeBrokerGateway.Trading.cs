
namespace MtMcp.Gateways.Bridge;

/// <summary>Sending trades: idempotency by client order id, the live-trading gate, and reconciliation of uncertain outcomes.</summary>
public sealed partial class BridgeBrokerGateway
{
    // Deals are searched from this long before the intent: terminal and server clocks differ a little.
    private static readonly TimeSpan s_historyMargin = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, TradeResult> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<Attempt>> _sending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unresolved = new(StringComparer.Ordinal);

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
        Task<Attempt> work;
        lock (_gate)
        {
            if (_finished.TryGetValue(id, out var first))
            {
                return first;
            }

            if (!_sending.TryGetValue(id, out work!))
            {
                // The send runs detached from this caller: a caller who stops waiting must not leave a half-known trade.
                work = _unresolved.TryGetValue(id, out var intentMs)
                    ? Task.Run(() => ReconcileAsync(request, Tag(id), intentMs, _disposing.Token))
                    : Task.Run(() => SendOnceAsync(request, _disposing.Token));
                _sending[id] = work;
            }
        }

        try
        {
            var attempt = await work.WaitAsync(cancellationToken).ConfigureAwait(false);
            return attempt.Result;
        }
        finally
        {
            if (work.IsCompleted)
            {
                Settle(id, work);
            }
            else
            {
                _ = work.ContinueWith(t => Settle(id, t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Whether a send with <paramref name="clientOrderId"/> finished, is in flight or stayed uncertain: sending the id
    /// again then answers from that send (or reconciles it) and never reaches the terminal as a new order.
    /// </summary>
    public bool IsKnownClientOrder(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        lock (_gate)
        {
            return _finished.ContainsKey(clientOrderId) || _sending.ContainsKey(clientOrderId) || _unresolved.ContainsKey(clientOrderId);
        }
    }

    private void Settle(string id, Task<Attempt> work)
    {
        lock (_gate)
        {
            if (!_sending.TryGetValue(id, out var current) || current != work)
            {
                return;
            }

            _sending.Remove(id);
            if (!work.IsCompletedSuccessfully)
            {
                return;
            }

            var attempt = work.Result;
            switch (attempt.Kind)
            {
                case AttemptKind.Final:
                    _unresolved.Remove(id);
                    _finished[id] = attempt.Result;
                    break;
                case AttemptKind.Uncertain:
                    _unresolved.TryAdd(id, attempt.IntentMs);
                    break;
                default:
                    // Certainly not executed: the same id may be sent again.
                    _unresolved.Remove(id);
                    break;
            }
        }
    }

    private async Task<Attempt> SendOnceAsync(TradeRequest request, CancellationToken cancellationToken)
    {
        var id = request.ClientOrderId!;
        var tag = Tag(id);
        if (!TradingEnabled)
        {
            var live = Info.TradeMode == AccountTradeMode.Real;
            return Attempt.NotExecuted(Refusal(request, TradeRetcode.Reject, live ? "live_trading" : "bridge_trading", live
                ? $"Account '{Name}' is a REAL account: trading on it needs the explicit setting trading.live.real_accounts = true; nothing was sent."
                : $"Trading on bridged accounts is not enabled (server mode live and bridge trading); nothing was sent to '{Name}'."));
        }

        if (ConnectedSession() is not { } session)
        {
            return Attempt.NotExecuted(Refusal(request, TradeRetcode.Reject, null,
                $"The MetaTrader terminal of account '{Name}' is not connected to the bridge; nothing was sent."));
        }

        var intentMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var answer = await session.SendTradeAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Outcome != TradeOutcome.Uncertain)
        {
            var result = ToResult(request, answer);
            return answer.Sent ? Attempt.Final(result) : Attempt.NotExecuted(result);
        }

        Log.TradeUncertain(_logger, Name, tag, answer.ErrorCode ?? "retcode", answer.Retcode ?? 0);
        return await ReconcileAsync(request, tag, intentMs, cancellationToken).ConfigureAwait(false);
    }

    private enum AttemptKind
    {
        Final,
        Uncertain,
        NotExecuted,
    }

    /// <summary>A send or reconciliation and what it means for the next send of the same id.</summary>
    private readonly record struct Attempt(TradeResult Result, AttemptKind Kind, long IntentMs)
    {
        public static Attempt Final(TradeResult result) => new(result, AttemptKind.Final, 0);

        public static Attempt NotExecuted(TradeResult result) => new(result, AttemptKind.NotExecuted, 0);

        public static Attempt Uncertain(TradeResult result, long intentMs) => new(result, AttemptKind.Uncertain, intentMs);
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
