namespace MtMcp.Engine;

/// <summary>
/// The send-once rule of a broker gateway, by client order id: the first send of an id runs; the same id again returns
/// the first final result, joins a send still in flight, or, when the first outcome stayed uncertain, reconciles again
/// instead of sending. An outcome known not to have executed is forgotten, so the caller may send the id again.
/// </summary>
/// <remarks>
/// Sends and reconciliations run detached from the caller (a caller who stops waiting must not leave a half-known
/// trade behind); their own deadlines bound them. Thread-safe.
/// </remarks>
[Mutable]
public sealed class ClientOrderLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TradeResult> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<SendAttempt>> _sending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unresolved = new(StringComparer.Ordinal);

    /// <summary>
    /// The result of client order <paramref name="clientOrderId"/>: the first final one when there is one; else
    /// <paramref name="send"/> (a first send) or <paramref name="reconcile"/> (given the intent time, in Unix ms, of the
    /// send whose outcome stayed uncertain), each run at most once at a time per id.
    /// </summary>
    public async Task<TradeResult> RunAsync(
        string clientOrderId, Func<Task<SendAttempt>> send, Func<long, Task<SendAttempt>> reconcile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(reconcile);
        Task<SendAttempt> work;
        lock (_gate)
        {
            if (_finished.TryGetValue(clientOrderId, out var first))
            {
                return first;
            }

            if (!_sending.TryGetValue(clientOrderId, out work!))
            {
                work = _unresolved.TryGetValue(clientOrderId, out var intentMs) ? Task.Run(() => reconcile(intentMs)) : Task.Run(send);
                _sending[clientOrderId] = work;
            }
        }

        try
        {
            return (await work.WaitAsync(cancellationToken).ConfigureAwait(false)).Result;
        }
        finally
        {
            if (work.IsCompleted)
            {
                Settle(clientOrderId, work);
            }
            else
            {
                _ = work.ContinueWith(t => Settle(clientOrderId, t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Whether a send of <paramref name="clientOrderId"/> finished, is in flight or stayed uncertain: sending the id
    /// again then answers from that send (or reconciles it) and never reaches the venue as a new order.
    /// </summary>
    public bool IsKnown(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        lock (_gate)
        {
            return _finished.ContainsKey(clientOrderId) || _sending.ContainsKey(clientOrderId) || _unresolved.ContainsKey(clientOrderId);
        }
    }

    private void Settle(string id, Task<SendAttempt> work)
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
                case SendAttemptKind.Final:
                    _unresolved.Remove(id);
                    _finished[id] = attempt.Result;
                    break;
                case SendAttemptKind.Uncertain:
                    _unresolved.TryAdd(id, attempt.IntentMs);
                    break;
                default:
                    // Certainly not executed: the same id may be sent again.
                    _unresolved.Remove(id);
                    break;
            }
        }
    }
}

/// <summary>What a send or reconciliation means for the next send of the same client order id.</summary>
public enum SendAttemptKind
{
    /// <summary>The venue answered for certain (filled, placed or rejected): kept and returned for the id from now on.</summary>
    Final,

    /// <summary>The outcome is unknown: the next send of the id reconciles instead of sending.</summary>
    Uncertain,

    /// <summary>Certainly not executed (refused before the venue, or reconciled to nothing): the id may be sent again.</summary>
    NotExecuted,
}

/// <summary>A send or reconciliation of one client order: its result and what it means for the next send of the id.</summary>
/// <param name="Result">The result to return.</param>
/// <param name="Kind">What the result means for the next send.</param>
/// <param name="IntentMs">For <see cref="SendAttemptKind.Uncertain"/>, when the send was made (Unix ms), where reconciliation searches from.</param>
public readonly record struct SendAttempt(TradeResult Result, SendAttemptKind Kind, long IntentMs)
{
    /// <summary>A certain answer.</summary>
    public static SendAttempt Final(TradeResult result) => new(result, SendAttemptKind.Final, 0);

    /// <summary>Certainly not executed.</summary>
    public static SendAttempt NotExecuted(TradeResult result) => new(result, SendAttemptKind.NotExecuted, 0);

    /// <summary>Unknown outcome of a send made at <paramref name="intentMs"/>.</summary>
    public static SendAttempt Uncertain(TradeResult result, long intentMs) => new(result, SendAttemptKind.Uncertain, intentMs);
}
