using Microsoft.Data.Sqlite;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

public sealed partial class SqliteTradingJournal
{
    private readonly AuditOptions _audit;
    private readonly string? _auditKeyId;
    private readonly string _anchorPath;
    private readonly AuditChain _chain = new();

    // The hash being appended and the chain's head: reused (the statement reads them when it runs), so appending
    // allocates no array per record.
    private readonly byte[] _auditHash = new byte[AuditChain.HashBytes];
    private readonly byte[] _auditHead = new byte[AuditChain.HashBytes];

    // The chain's head and last checkpoint as the current write transaction left them: read from the file by the
    // transaction's first append (another journal on the same file may have appended before it), then kept, so that
    // the steps of a group do not read them again. Forgotten when a transaction begins or a savepoint rolls back.
    private bool _auditHeadKnown;
    private long _auditHeadSequence;
    private long _sealedUpTo;
    private long _sealedAtUs;

    /// <summary>Where the latest checkpoint is also written (see <see cref="AuditOptions.AnchorPath"/>).</summary>
    public string AuditAnchorPath => _anchorPath;

    /// <inheritdoc />
    /// <remarks>Shares a transaction with concurrent commits and appends (group commit), returning once durable.</remarks>
    /// <exception cref="StorageException">The storage failed; nothing was appended.</exception>
    /// <exception cref="ArgumentException">A record lacks its kind, account, actor, channel or payload; nothing was appended.</exception>
    public void AppendAudit(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count > 0)
        {
            CommitGrouped(account: null, changes: null, records);
        }
    }

    /// <summary>
    /// Writes a checkpoint now when records were appended since the last one (a clean shutdown does this too), so the
    /// whole log is sealed; null when there is no key or nothing to seal.
    /// </summary>
    /// <exception cref="StorageException">The storage failed.</exception>
    public AuditCheckpoint? SealAudit()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            AuditCheckpoint? checkpoint;
            try
            {
                using var transaction = Begin();
                checkpoint = AppendAuditLocked([], force: true);
                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                throw Failure("seal the audit log", ex);
            }

            Anchor(checkpoint);
            return checkpoint;
        }
    }

    /// <summary>
    /// Appends <paramref name="records"/> after the chain's head inside the caller's write transaction, then writes a
    /// checkpoint when one is due (or <paramref name="force"/>d and records are unsealed). Returns that checkpoint, to be
    /// anchored once the transaction has committed.
    /// </summary>
    private AuditCheckpoint? AppendAuditLocked(IReadOnlyList<AuditRecord> records, bool force)
    {
        if (!_auditHeadKnown)
        {
            ReadAuditHead();
        }

        var sequence = _auditHeadSequence;
        var recordedUs = (_audit.Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        var insert = _statements.InsertAudit;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Audit record {i} of {records.Count} is null; nothing was appended.", nameof(records));
            CheckFields(record, i, records.Count);
            _chain.Hash(sequence + 1, _auditHead, recordedUs, record, _auditHash);
            var row = new RowWriter(insert.Parameters);
            row.Write(sequence + 1);
            row.Write(recordedUs);
            row.Write(record.TimeMs);
            row.Write(record.Kind);
            row.Write(record.Account);
            row.Write(record.Actor);
            row.Write(record.Channel);
            row.Write(record.ClientOrderId);
            row.Write(record.Payload);
            row.Write(_auditHead);
            row.Write(_auditHash);
            insert.ExecuteNonQuery();
            sequence++;
            _auditHeadSequence = sequence;
            _auditHash.CopyTo(_auditHead, 0);
        }

        return _audit.Key is { } key && sequence > 0 ? CheckpointIfDue(key, sequence, _auditHead, recordedUs, force) : null;
    }

    /// <summary>Reads the chain's head and last checkpoint inside the write transaction.</summary>
    private void ReadAuditHead()
    {
        using (var reader = _statements.AuditHead.ExecuteReader())
        {
            if (reader.Read())
            {
                _auditHeadSequence = reader.GetInt64(0);
                ((byte[])reader.GetValue(1)).CopyTo(_auditHead, 0);
            }
            else
            {
                _auditHeadSequence = 0;
                AuditChain.Genesis.CopyTo(_auditHead);
            }
        }

        // No checkpoint yet: the first append is due by time, which seals the log's beginning.
        (_sealedUpTo, _sealedAtUs) = (0, 0);
        using (var reader = _statements.LastCheckpoint.ExecuteReader())
        {
            if (reader.Read())
            {
                (_sealedUpTo, _sealedAtUs) = (reader.GetInt64(0), reader.GetInt64(1));
            }
        }

        _auditHeadKnown = true;
    }

    private void ForgetAuditHead() => _auditHeadKnown = false;

    private AuditCheckpoint? CheckpointIfDue(byte[] key, long sequence, byte[] hash, long nowUs, bool force)
    {
        var due = sequence - _sealedUpTo >= _audit.CheckpointEveryRecords
            || nowUs - _sealedAtUs >= _audit.CheckpointEvery.Ticks / TimeSpan.TicksPerMicrosecond;
        if (sequence <= _sealedUpTo || !(due || force))
        {
            return null;
        }

        var mac = AuditChain.Sign(key, sequence, hash, nowUs);
        var insert = _statements.InsertCheckpoint;
        var row = new RowWriter(insert.Parameters);
        row.Write(sequence);
        row.Write(hash);
        row.Write(nowUs);
        row.Write(_auditKeyId);
        row.Write(mac);
        insert.ExecuteNonQuery();
        (_sealedUpTo, _sealedAtUs) = (sequence, nowUs);
        return new AuditCheckpoint(sequence, Convert.ToHexStringLower(hash), nowUs, _auditKeyId!, Convert.ToHexStringLower(mac));
    }

    /// <summary>Copies a committed checkpoint to the anchor file.</summary>
    private void Anchor(AuditCheckpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            return;
        }

        try
        {
            AuditAnchor.Write(_anchorPath, checkpoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The step is committed and must stay acknowledged; the next checkpoint rewrites the anchor, and the
            // verifier warns while the anchor lags behind the log's last checkpoint.
        }
    }

    /// <summary>Seals the log on a clean shutdown (best effort: a failure leaves the tail unsealed, never the log broken).</summary>
    private void SealOnClose()
    {
        if (_audit.Key is null)
        {
            return;
        }

        try
        {
            AuditCheckpoint? checkpoint;
            using (var transaction = Begin())
            {
                checkpoint = AppendAuditLocked([], force: true);
                transaction.Commit();
            }

            Anchor(checkpoint);
        }
        catch (SqliteException)
        {
            // Another process holds the write lock, or the disk is full: the records stay, only unsealed.
        }
    }

    private static void CheckFields(AuditRecord record, int index, int count)
    {
        string? missing = record switch
        {
            { Kind: null or "" } => "kind",
            { Account: null } => "account",
            { Actor: null or "" } => "actor",
            { Channel: null } => "channel",
            { Payload: null or "" } => "payload",
            _ => null,
        };
        if (missing is not null)
        {
            throw new ArgumentException($"Audit record {index} of {count} ({record.Kind}) has no {missing}; nothing was appended.", nameof(record));
        }
    }
}
