using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

/// <summary>
/// Verifies a journal's audit log: recomputes every record's hash and link from the first record, checks that the
/// sequence has no gap, compares every checkpoint (and the anchor file) with the record it seals, and with a key checks
/// the checkpoints' signatures. Finds edited, deleted, inserted and reordered records and a cut-off end, naming the first
/// bad record by sequence number.
/// </summary>
/// <remarks>
/// Reads the file through its own read-only connection, so it may run while the journal is in use (it sees the log as
/// of one snapshot). Without a key, anyone who can write the file could rewrite the whole chain and its checkpoints
/// consistently; the signatures are what rules that out.
/// </remarks>
public static class AuditVerifier
{
    /// <summary>The most issues one verification reports.</summary>
    public const int MaxIssues = 100;

    /// <summary>Verifies the audit log of the journal at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The journal file.</param>
    /// <param name="key">The checkpoint key; null = compare checkpoints with the records but do not check their signatures.</param>
    /// <param name="anchorPath">The anchor file; null = <c>&lt;database&gt;.audit-anchor</c>.</param>
    /// <exception cref="StorageException">The file is missing, not a journal, has no audit log, or cannot be read.</exception>
    public static AuditVerification Verify(string databasePath, byte[]? key = null, string? anchorPath = null)
    {
        using var connection = AuditDatabase.OpenRead(databasePath);
        var anchorFile = anchorPath ?? AuditAnchor.DefaultPath(Path.GetFullPath(databasePath));
        try
        {
            // One snapshot for the records and the checkpoints.
            using var transaction = connection.BeginTransaction(deferred: true);
            var walk = new Walk(key, AuditAnchor.Read(anchorFile));
            walk.ReadCheckpoints(connection, transaction);
            walk.CheckRecords(connection, transaction);
            walk.CheckEnd();
            walk.CheckTriggers(connection, transaction);
            if (walk.Anchor is null)
            {
                walk.Warn($"There is no anchor file at '{anchorFile}': removing the end of the log together with its checkpoints would not be detected.");
            }

            return walk.Result();
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"The audit log of '{Path.GetFullPath(databasePath)}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The state of one verification.</summary>
    private sealed class Walk(byte[]? key, AuditCheckpoint? anchor)
    {
        private readonly List<AuditIssue> _issues = [];
        private readonly List<string> _warnings = [];
        private readonly SortedDictionary<long, byte[]> _sealed = [];
        private readonly string? _keyId = key is null ? null : AuditChain.KeyId(key);
        private readonly AuditChain _chain = new();
        private int _checkpoints;
        private long _lastCheckpoint;
        private long _lastGoodCheckpoint;
        private long _records;
        private long _lastChainIssue;
        private int _shift;
        private long _last;
        private byte[]? _lastHash;

        public AuditCheckpoint? Anchor => anchor;

        public void Warn(string warning) => _warnings.Add(warning);

        /// <summary>Loads the checkpoints (and the anchor), checking their signatures when there is a key.</summary>
        public void ReadCheckpoints(SqliteConnection connection, SqliteTransaction transaction)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT seq, hash, created_us, key_id, mac FROM audit_checkpoints ORDER BY seq;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _checkpoints++;
                var sequence = reader.GetInt64(0);
                _lastCheckpoint = sequence;
                var checkpoint = new AuditCheckpoint(
                    sequence, Hex(reader, 1), reader.GetInt64(2), reader.IsDBNull(3) ? "" : reader.GetString(3), Hex(reader, 4));
                Trust(checkpoint, "checkpoint");
            }

            if (anchor is not null && Trust(anchor, "the anchor file's checkpoint"))
            {
                if (anchor.Sequence < _lastCheckpoint)
                {
                    Warn(string.Create(CultureInfo.InvariantCulture,
                        $"The anchor file seals record {anchor.Sequence} but the log's last checkpoint seals record {_lastCheckpoint}: the anchor could not be written or an older one was put back."));
                }
                else if (anchor.Sequence > _lastCheckpoint)
                {
                    // Checked against the records too (Truncated or Rewritten), but this names the deleted checkpoints.
                    Add(anchor.Sequence, AuditIssueKind.Truncated, string.Create(CultureInfo.InvariantCulture,
                        $"The anchor file holds the checkpoint of record {anchor.Sequence}, but the log's checkpoints end at record {_lastCheckpoint}: checkpoints were deleted."));
                }
            }

            if (key is null)
            {
                Warn($"No key was given: checkpoints were compared with the records but their signatures were not checked (set ${AuditOptions.KeyVariable}).");
            }
        }

        /// <summary>Recomputes every record's hash and link, in sequence order.</summary>
        public void CheckRecords(SqliteConnection connection, SqliteTransaction transaction)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {AuditRows.SelectColumns} FROM audit_log ORDER BY seq;";
            using var reader = command.ExecuteReader();
            var expected = 1L;
            var previous = AuditChain.Genesis.ToArray();
            var computed = new byte[AuditChain.HashBytes];
            var storedPrevious = new byte[AuditChain.HashBytes];
            var stored = new byte[AuditChain.HashBytes];
            while (reader.Read())
            {
                _records++;
                var sequence = reader.GetInt64(0);
                if (sequence < expected)
                {
                    Add(sequence, AuditIssueKind.Inserted, string.Create(CultureInfo.InvariantCulture,
                        $"Record {sequence} is not part of the chain, which starts at record 1: it was inserted."));
                    continue;
                }

                var gap = sequence > expected;
                if (gap)
                {
                    Add(expected, AuditIssueKind.Missing, sequence == expected + 1
                        ? string.Create(CultureInfo.InvariantCulture, $"Record {expected} is missing: it was deleted.")
                        : string.Create(CultureInfo.InvariantCulture, $"Records {expected} to {sequence - 1} are missing: they were deleted."));
                }

                var wellFormed = TryRead(reader, out var recordedUs, out var record)
                    & ReadHash(reader, 9, storedPrevious) & ReadHash(reader, 10, stored);
                if (!wellFormed)
                {
                    Add(sequence, AuditIssueKind.Edited, string.Create(CultureInfo.InvariantCulture,
                        $"Record {sequence} has a malformed field (a missing value, a wrong type or a hash that is not 32 bytes): it was edited."));
                }
                else
                {
                    CheckContent(sequence, gap, recordedUs, record!, storedPrevious, stored, previous, computed);
                }

                if (_sealed.TryGetValue(sequence, out var sealedHash))
                {
                    if (sealedHash.AsSpan().SequenceEqual(stored))
                    {
                        _lastGoodCheckpoint = sequence;
                    }
                    else if (_lastChainIssue <= _lastGoodCheckpoint)
                    {
                        // Only when the chain itself looked sound: a chain issue names the bad record more precisely.
                        Add(_lastGoodCheckpoint + 1, AuditIssueKind.Rewritten, string.Create(CultureInfo.InvariantCulture,
                            $"The checkpoint of record {sequence} sealed another hash than record {sequence} has now: records {_lastGoodCheckpoint + 1} to {sequence} were rewritten and re-chained."));
                    }
                }

                stored.CopyTo(previous, 0);
                _last = sequence;
                _lastHash = (byte[])stored.Clone();
                expected = sequence + 1;
            }
        }

        /// <summary>
        /// Checks a record's hash and its link to the previous record. A record that does not match its own position but
        /// matches the one before or after was renumbered: one issue names the inserted or deleted record, not every
        /// renumbered one after it.
        /// </summary>
        private void CheckContent(
            long sequence, bool gap, long recordedUs, AuditRecord record, byte[] storedPrevious, byte[] stored, byte[] previous, byte[] computed)
        {
            _chain.Hash(sequence, storedPrevious, recordedUs, record, computed);
            if (computed.AsSpan().SequenceEqual(stored))
            {
                _shift = 0;
                if (!gap && sequence > 1 && !storedPrevious.AsSpan().SequenceEqual(previous))
                {
                    Add(sequence - 1, AuditIssueKind.BrokenLink, string.Create(CultureInfo.InvariantCulture,
                        $"Record {sequence} does not carry the hash of record {sequence - 1}: record {sequence - 1} was rewritten with a recomputed hash, or record {sequence} was forged."));
                }

                return;
            }

            var shift = 0;
            foreach (var candidate in (ReadOnlySpan<long>)[sequence - 1, sequence + 1])
            {
                _chain.Hash(candidate, storedPrevious, recordedUs, record, computed);
                if (candidate > 0 && computed.AsSpan().SequenceEqual(stored))
                {
                    shift = (int)(sequence - candidate);
                }
            }

            if (shift == 0)
            {
                _shift = 0;
                Add(sequence, AuditIssueKind.Edited, string.Create(CultureInfo.InvariantCulture,
                    $"Record {sequence} ({record.Kind}, account '{record.Account}') does not match its hash: it was edited, or moved from another position (reordered)."));
                return;
            }

            if (shift != _shift)
            {
                if (shift > 0)
                {
                    Add(sequence - 1, AuditIssueKind.Inserted, string.Create(CultureInfo.InvariantCulture,
                        $"Record {sequence - 1} was inserted: record {sequence} is the original record {sequence - 1}, renumbered (it matches its hash at that position)."));
                }
                else
                {
                    Add(sequence, AuditIssueKind.Missing, string.Create(CultureInfo.InvariantCulture,
                        $"The original record {sequence} was deleted and the records after it renumbered: record {sequence} is the original record {sequence + 1}."));
                }
            }

            _shift = shift;
        }

        /// <summary>A checkpoint sealing a record after the last one proves the end was cut off.</summary>
        public void CheckEnd()
        {
            if (_sealed.Count > 0 && _sealed.Keys.Max() is var highest && highest > _last)
            {
                Add(_last + 1, AuditIssueKind.Truncated, string.Create(CultureInfo.InvariantCulture,
                    $"Records {_last + 1} to {highest} are missing: the end of the log was cut off after record {_last} (a signed checkpoint sealed record {highest})."));
            }

            if (key is not null && _last > _lastCheckpoint)
            {
                Warn(string.Create(CultureInfo.InvariantCulture,
                    $"{_last - _lastCheckpoint} record(s) after the last checkpoint (record {_lastCheckpoint}) are not sealed yet: cutting them off would not be detected."));
            }
        }

        public void CheckTriggers(SqliteConnection connection, SqliteTransaction transaction)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'trigger';";
            using var reader = command.ExecuteReader();
            var present = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }

            var missing = AuditRows.Triggers.Where(t => !present.Contains(t)).ToArray();
            if (missing.Length > 0)
            {
                Warn($"The append-only triggers {string.Join(", ", missing)} are missing: someone dropped them to change the log directly.");
            }
        }

        public AuditVerification Result() => new()
        {
            Issues = [.. _issues.OrderBy(i => i.Sequence).ThenBy(i => i.Kind).Take(MaxIssues)],
            Records = _records,
            LastSequence = _last,
            LastHash = _lastHash is null ? null : Convert.ToHexStringLower(_lastHash),
            Checkpoints = _checkpoints,
            LastCheckpoint = _checkpoints == 0 ? null : _lastCheckpoint,
            SignaturesChecked = key is not null,
            UnsealedRecords = Math.Max(0, _last - Math.Max(_lastCheckpoint, anchor?.Sequence ?? 0)),
            Warnings = _warnings,
        };

        /// <summary>Keeps a checkpoint to compare with its record, unless its signature fails (then false).</summary>
        private bool Trust(AuditCheckpoint checkpoint, string what)
        {
            if (!TryParse(checkpoint, out var hash, out var mac))
            {
                Add(checkpoint.Sequence, AuditIssueKind.ForgedCheckpoint, string.Create(CultureInfo.InvariantCulture,
                    $"The {what} sealing record {checkpoint.Sequence} is malformed (its hash or signature is not 32 bytes)."));
                return false;
            }

            if (key is not null)
            {
                if (!string.Equals(checkpoint.KeyId, _keyId, StringComparison.Ordinal))
                {
                    Add(checkpoint.Sequence, AuditIssueKind.ForgedCheckpoint, string.Create(CultureInfo.InvariantCulture,
                        $"The {what} sealing record {checkpoint.Sequence} was signed with key id '{checkpoint.KeyId}', not with the given key (id '{_keyId}'): a wrong key was given, or it was forged."));
                    return false;
                }

                if (!CryptographicOperations.FixedTimeEquals(AuditChain.Sign(key, checkpoint.Sequence, hash, checkpoint.CreatedUs), mac))
                {
                    Add(checkpoint.Sequence, AuditIssueKind.ForgedCheckpoint, string.Create(CultureInfo.InvariantCulture,
                        $"The signature of the {what} sealing record {checkpoint.Sequence} does not verify: it was forged or altered."));
                    return false;
                }
            }

            if (_sealed.TryGetValue(checkpoint.Sequence, out var other) && !other.AsSpan().SequenceEqual(hash))
            {
                Add(checkpoint.Sequence, AuditIssueKind.ForgedCheckpoint, string.Create(CultureInfo.InvariantCulture,
                    $"The {what} sealing record {checkpoint.Sequence} disagrees with the log's checkpoint of the same record."));
                return false;
            }

            _sealed[checkpoint.Sequence] = hash;
            return true;
        }

        private void Add(long sequence, AuditIssueKind kind, string message)
        {
            if (kind is AuditIssueKind.Edited or AuditIssueKind.Missing or AuditIssueKind.BrokenLink or AuditIssueKind.Inserted)
            {
                _lastChainIssue = Math.Max(_lastChainIssue, sequence);
            }

            if (_issues.Count < MaxIssues * 4)
            {
                _issues.Add(new AuditIssue(sequence, kind, message));
            }
        }

        private static bool TryParse(AuditCheckpoint checkpoint, out byte[] hash, out byte[] mac)
        {
            hash = mac = [];
            try
            {
                hash = Convert.FromHexString(checkpoint.Hash ?? "");
                mac = Convert.FromHexString(checkpoint.Mac ?? "");
            }
            catch (FormatException)
            {
                return false;
            }

            return hash.Length == AuditChain.HashBytes && mac.Length == AuditChain.HashBytes;
        }

        private static string Hex(SqliteDataReader reader, int column) =>
            reader.IsDBNull(column) || reader.GetValue(column) is not byte[] bytes ? "" : Convert.ToHexStringLower(bytes);

        private static bool ReadHash(SqliteDataReader reader, int column, byte[] into)
        {
            if (reader.IsDBNull(column) || reader.GetValue(column) is not byte[] { Length: AuditChain.HashBytes } bytes)
            {
                into.AsSpan().Clear();
                return false;
            }

            bytes.CopyTo(into, 0);
            return true;
        }

        private static bool TryRead(SqliteDataReader reader, out long recordedUs, out AuditRecord? record)
        {
            recordedUs = 0;
            record = null;
            for (var column = 1; column <= 8; column++)
            {
                var isText = reader.GetFieldType(column) == typeof(string);
                var ok = column switch
                {
                    1 or 2 => reader.GetFieldType(column) == typeof(long),
                    7 => isText || reader.IsDBNull(column),
                    _ => isText,
                };
                if (!ok)
                {
                    return false;
                }
            }

            recordedUs = reader.GetInt64(1);
            record = AuditDatabase.ReadRecord(reader);
            return true;
        }
    }
}
