using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace MtMcp.Storage;

/// <summary>
/// Group commit: <see cref="Commit"/> and <see cref="AppendAudit"/> calls that arrive while a transaction is being
/// written queue up; the first of them to find the file free becomes the leader and writes every queued call in one
/// transaction (one log write, one flush with <see cref="JournalDurability.PowerLossSafe"/>), then releases them all.
/// Every caller still returns only after its own write is durable, in arrival order. Inside a shared transaction each
/// call has its own savepoint, so a malformed step is rolled back and fails alone; a failure of the storage itself
/// (the commit, a full disk) fails every call of the group, and nothing of any of them is stored.
/// </summary>
public sealed partial class SqliteTradingJournal
{
    // A thread waits in at most one call at a time, so one write record per thread serves every journal.
    [ThreadStatic]
    private static PendingWrite? t_write;

    // A monitor, not a Lock: followers wait on it for their group to be written.
    private readonly object _queueGate = new();
    private List<PendingWrite> _queue = [];
    private List<PendingWrite> _spare = [];
    private bool _leaderActive;
    private long _groupsWritten;

    /// <summary>Calls waiting for the next group (for tests).</summary>
    internal int QueuedWrites
    {
        get
        {
            lock (_queueGate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Groups started so far, each one transaction (for tests).</summary>
    internal long GroupsWritten => Interlocked.Read(ref _groupsWritten);

    /// <summary>Keeps every write waiting until the scope is disposed, so that tests can line calls up into one group.</summary>
    internal Lock.Scope HoldWrites() => _gate.EnterScope();

    /// <summary>Queues a step (<paramref name="account"/> and <paramref name="changes"/>) or audit records and waits until they are durable.</summary>
    private void CommitGrouped(string? account, AccountChanges? changes, IReadOnlyList<AuditRecord>? records)
    {
        var write = t_write ??= new PendingWrite();
        write.Set(account, changes, records);
        List<PendingWrite> batch;
        lock (_queueGate)
        {
            _queue.Add(write);
            while (_leaderActive && !write.Done)
            {
                Monitor.Wait(_queueGate);
            }

            if (write.Done)
            {
                write.ThrowIfFailed();
                return;
            }

            // Lead: take everything queued so far (this call included); later arrivals wait for the next group.
            _leaderActive = true;
            batch = _queue;
            _queue = _spare;
        }

        try
        {
            WriteGroup(batch);
        }
        finally
        {
            lock (_queueGate)
            {
                foreach (var done in batch)
                {
                    done.Done = true;
                }

                batch.Clear();
                _spare = batch;
                _leaderActive = false;
                Monitor.PulseAll(_queueGate);
            }
        }

        write.ThrowIfFailed();
    }

    /// <summary>Writes a group in one transaction, recording each call's failure on it.</summary>
    private void WriteGroup(List<PendingWrite> batch)
    {
        Interlocked.Increment(ref _groupsWritten);
        lock (_gate)
        {
            if (_disposed)
            {
                var closed = new ObjectDisposedException(nameof(SqliteTradingJournal));
                batch.ForEach(w => w.Error = ExceptionDispatchInfo.Capture(closed));
                return;
            }

            // Optimistic first: failing calls are rare, and savepoints cost a statement each. Only when a call fails is
            // the group written again with a savepoint per call, so that the failing one fails alone.
            if (batch.Count == 1 || !TryWriteAll(batch))
            {
                WriteEachInItsSavepoint(batch);
            }
        }
    }

    /// <summary>Writes every call of the group in one transaction; false, with nothing stored, when anything failed.</summary>
    private bool TryWriteAll(List<PendingWrite> batch)
    {
        AuditCheckpoint? checkpoint = null;
        try
        {
            using var transaction = Begin();
            foreach (var write in batch)
            {
                checkpoint = Write(write) ?? checkpoint;
            }

            transaction.Commit();
        }
        catch (Exception)
        {
            // Disposing the transaction rolled it back; the caller writes the group again, call by call.
            return false;
        }

        Anchor(checkpoint);
        return true;
    }

    private void WriteEachInItsSavepoint(List<PendingWrite> batch)
    {
        AuditCheckpoint? checkpoint = null;
        try
        {
            using var transaction = Begin();
            if (batch.Count == 1)
            {
                checkpoint = Write(batch[0]);
            }
            else
            {
                foreach (var write in batch)
                {
                    transaction.Save("step");
                    try
                    {
                        checkpoint = Write(write) ?? checkpoint;
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or SqliteException)
                    {
                        // Undo this call's rows only; if SQLite has already rolled the whole transaction back,
                        // the rollback throws and the group fails as a whole below.
                        transaction.Rollback("step");
                        ForgetAuditHead();
                        write.Error = ExceptionDispatchInfo.Capture(Describe(write, ex));
                    }

                    transaction.Release("step");
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Whatever failed, no call of the group may return as if its write were stored.
            foreach (var write in batch)
            {
                write.Error ??= ExceptionDispatchInfo.Capture(batch.Count == 1 ? Describe(write, ex) : Failure("commit a group of steps", ex));
            }

            return;
        }

        Anchor(checkpoint);
    }

    private AuditCheckpoint? Write(PendingWrite write) =>
        write.Changes is { } changes ? WriteStep(write.Account!, changes) : AppendAuditLocked(write.Records!, force: false);

    /// <summary>A caller's own failure: the storage's errors say which call failed; its argument errors pass unchanged.</summary>
    private Exception Describe(PendingWrite write, Exception ex) => ex is SqliteException
        ? Failure(write.Account is { } account ? $"commit a step of account '{account}'" : "append to the audit log", ex)
        : ex;

    /// <summary>One queued call: its arguments, and once the group is written whether it failed.</summary>
    private sealed class PendingWrite
    {
        public string? Account { get; private set; }

        public AccountChanges? Changes { get; private set; }

        public IReadOnlyList<AuditRecord>? Records { get; private set; }

        public ExceptionDispatchInfo? Error { get; set; }

        public bool Done { get; set; }

        public void Set(string? account, AccountChanges? changes, IReadOnlyList<AuditRecord>? records)
        {
            (Account, Changes, Records, Error, Done) = (account, changes, records, null, false);
        }

        public void ThrowIfFailed()
        {
            var error = Error;
            (Account, Changes, Records, Error) = (null, null, null, null);
            error?.Throw();
        }
    }
}
