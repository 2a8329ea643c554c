using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>
/// Tampering with a real journal file, as someone with write access to it would (the append-only triggers dropped
/// first): each change is detected and the first bad record named.
/// </summary>
public sealed class AuditVerifierTests : IDisposable
{
    private const int Count = 30;
    private readonly TempDirectory _temp = new();
    private readonly string _path;

    public AuditVerifierTests()
    {
        _path = _temp.File("accounts.db");
        AuditSamples.Build(_path, Count);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Verify_UntouchedLog_IsIntactWithEveryRecordSealedAndSigned()
    {
        var result = AuditVerifier.Verify(_path, AuditSamples.Key);

        Assert.True(result.IsIntact, result.FirstIssue?.Message);
        Assert.Equal(Count, result.Records);
        Assert.Equal(Count, result.LastSequence);
        Assert.Equal(Count, result.LastCheckpoint);
        Assert.True(result.SignaturesChecked);
        Assert.Equal(0, result.UnsealedRecords);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Hash_EveryRecord_IsTheDocumentedEncodingRecomputedIndependently()
    {
        // docs/audit.md: SHA-256(u64 seq ‖ prev[32] ‖ i64 recorded_us ‖ i64 time_ms ‖ str kind ‖ str account ‖ str actor ‖
        // str channel ‖ optstr client_order_id ‖ str payload), big-endian, str = u32 length ‖ UTF-8, null = 0xFFFFFFFF.
        using var connection = AuditSamples.Open(_path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, recorded_us, time_ms, kind, account, actor, channel, client_order_id, payload, prev_hash, hash FROM audit_log ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var previous = SHA256.HashData("MtMcp audit chain v1"u8);
        var n = 0;
        while (reader.Read())
        {
            n++;
            var bytes = new List<byte>();
            void Int(long value)
            {
                var buffer = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(buffer, value);
                bytes.AddRange(buffer);
            }

            void Text(string? value)
            {
                var buffer = new byte[4];
                var utf8 = value is null ? [] : Encoding.UTF8.GetBytes(value);
                BinaryPrimitives.WriteUInt32BigEndian(buffer, value is null ? uint.MaxValue : (uint)utf8.Length);
                bytes.AddRange(buffer);
                bytes.AddRange(utf8);
            }

            Int(reader.GetInt64(0));
            bytes.AddRange(previous);
            Int(reader.GetInt64(1));
            Int(reader.GetInt64(2));
            for (var column = 3; column <= 8; column++)
            {
                Text(reader.IsDBNull(column) ? null : reader.GetString(column));
            }

            var expected = AuditSamples.Record(n);
            Assert.Equal((long)n, reader.GetInt64(0));
            Assert.Equal((expected.Kind, expected.ClientOrderId, expected.Payload), (reader.GetString(3), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8)));
            Assert.Equal(previous, (byte[])reader.GetValue(9));
            Assert.Equal(SHA256.HashData([.. bytes]), (byte[])reader.GetValue(10));
            previous = (byte[])reader.GetValue(10);
        }

        Assert.Equal(Count, n);
    }

    [Fact]
    public void Verify_OneByteOfARecordEditedInTheFile_NamesThatRecord()
    {
        // The bytes on disk, not SQL: "r017" becomes "s017" inside record 17's payload. The file may also hold stale
        // copies of the page (free pages): edit the occurrence that SQLite reads.
        var original = File.ReadAllBytes(_path);
        var edited = false;
        for (var at = original.AsSpan().IndexOf("\"note\":\"r017\""u8); at >= 0 && !edited;)
        {
            var file = (byte[])original.Clone();
            file[at + 8] = (byte)'s';
            File.WriteAllBytes(_path, file);
            edited = AuditSamples.Scalar(_path, "SELECT payload FROM audit_log WHERE seq = 17;").Contains("s017", StringComparison.Ordinal);
            var next = original.AsSpan(at + 1).IndexOf("\"note\":\"r017\""u8);
            at = next < 0 ? -1 : at + 1 + next;
        }

        Assert.True(edited, "record 17's payload is not in the database file");

        var issue = FirstIssue();

        Assert.Equal((17L, AuditIssueKind.Edited), (issue.Sequence, issue.Kind));
        Assert.Contains("Record 17", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payload", "'{\"note\":\"r017\",\"volume\":9.9}'")]
    [InlineData("account", "'other'")]
    [InlineData("time_ms", "time_ms + 1")]
    [InlineData("recorded_us", "recorded_us - 1")]
    [InlineData("client_order_id", "'c-999'")]
    [InlineData("prev_hash", "zeroblob(32)")]
    [InlineData("hash", "randomblob(32)")]
    public void Verify_AFieldOfARecordChangedWithSql_NamesThatRecord(string column, string value)
    {
        AuditSamples.Tamper(_path, $"UPDATE audit_log SET {column} = {value} WHERE seq = 17;");

        var issue = FirstIssue();

        Assert.Equal(17, issue.Sequence);
        Assert.Equal(AuditIssueKind.Edited, issue.Kind);
    }

    [Fact]
    public void Verify_RecordEditedAndItsHashRecomputed_NamesItByTheBrokenLink()
    {
        AuditSamples.Tamper(_path, "UPDATE audit_log SET payload = '{\"note\":\"forged\"}' WHERE seq = 17;");
        AuditSamples.Rechain(_path, 17, 17);

        var result = AuditVerifier.Verify(_path, AuditSamples.Key);

        Assert.Equal((17L, AuditIssueKind.BrokenLink), (result.FirstIssue!.Sequence, result.FirstIssue.Kind));
    }

    [Fact]
    public void Verify_WholeChainRewrittenFromARecord_IsCaughtByTheNextCheckpoint()
    {
        AuditSamples.Tamper(_path, "UPDATE audit_log SET payload = '{\"note\":\"forged\"}' WHERE seq = 17;");
        AuditSamples.Rechain(_path, 17);
        var lastGood = long.Parse(AuditSamples.Scalar(_path, "SELECT max(seq) FROM audit_checkpoints WHERE seq < 17;"), CultureInfo.InvariantCulture);
        var next = long.Parse(AuditSamples.Scalar(_path, "SELECT min(seq) FROM audit_checkpoints WHERE seq >= 17;"), CultureInfo.InvariantCulture);

        var issue = FirstIssue();

        Assert.Equal((lastGood + 1, AuditIssueKind.Rewritten), (issue.Sequence, issue.Kind));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"records {lastGood + 1} to {next} were rewritten"), issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ChainAndCheckpointsRewrittenWithoutTheKey_OnlyTheKeyReveals()
    {
        AuditSamples.Tamper(_path, "UPDATE audit_log SET payload = '{\"note\":\"forged\"}' WHERE seq = 17;");
        AuditSamples.Rechain(_path, 17);
        AuditSamples.Tamper(_path, "UPDATE audit_checkpoints SET hash = (SELECT hash FROM audit_log WHERE audit_log.seq = audit_checkpoints.seq);");
        File.Delete(_path + ".audit-anchor");

        var withoutKey = AuditVerifier.Verify(_path);
        var withKey = AuditVerifier.Verify(_path, AuditSamples.Key);

        Assert.True(withoutKey.IsIntact); // The limit of an unkeyed chain: whoever can write the file can rebuild it.
        Assert.Contains(withoutKey.Warnings, w => w.Contains("signatures were not checked", StringComparison.Ordinal));
        Assert.Equal(AuditIssueKind.ForgedCheckpoint, withKey.FirstIssue!.Kind);
        Assert.True(withKey.FirstIssue.Sequence >= 17);
    }

    [Fact]
    public void Verify_RecordDeleted_NamesIt()
    {
        AuditSamples.Tamper(_path, "DELETE FROM audit_log WHERE seq = 17;");

        var issue = FirstIssue();

        Assert.Equal((17L, AuditIssueKind.Missing), (issue.Sequence, issue.Kind));
        Assert.Equal("Record 17 is missing: it was deleted.", issue.Message);
    }

    [Fact]
    public void Verify_RecordDeletedAndTheRestRenumbered_NamesTheDeletedPosition()
    {
        AuditSamples.Tamper(_path, "DELETE FROM audit_log WHERE seq = 17; UPDATE audit_log SET seq = seq - 1 WHERE seq > 17;");

        var issue = FirstIssue();

        Assert.Equal((17L, AuditIssueKind.Missing), (issue.Sequence, issue.Kind));
        Assert.Contains("record 17 is the original record 18", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RecordInsertedWithAValidHashAndTheRestRenumbered_NamesTheInsertedRecord()
    {
        // Make room at 17 (highest first, so the primary key never collides), then insert a record that links to 16 and
        // carries a correctly computed hash: the chain up to it is consistent, the renumbered original 17 is not.
        AuditSamples.Tamper(_path, "UPDATE audit_log SET seq = -seq WHERE seq >= 17; UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;");
        var forged = new AuditRecord("order_intent", Samples.T0, "main", "key-odd", "mcp:place_order", null, "{\"note\":\"forged\"}");
        var previous = Convert.FromHexString(AuditSamples.Scalar(_path, "SELECT hex(hash) FROM audit_log WHERE seq = 16;"));
        var hash = new byte[32];
        new AuditChain().Hash(17, previous, 42, forged, hash);
        AuditSamples.Tamper(_path, $"INSERT INTO audit_log VALUES (17, 42, {Samples.T0}, 'order_intent', 'main', 'key-odd', 'mcp:place_order', NULL, '{{\"note\":\"forged\"}}', x'{Convert.ToHexString(previous)}', x'{Convert.ToHexString(hash)}');");

        var issue = FirstIssue();

        Assert.Equal((17L, AuditIssueKind.Inserted), (issue.Sequence, issue.Kind));
        Assert.Contains("Record 17 was inserted", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RecordAppendedAfterTheEnd_NamesIt()
    {
        AuditSamples.Tamper(_path, $"INSERT INTO audit_log SELECT seq + 1, recorded_us, time_ms, kind, account, actor, channel, client_order_id, '{{}}', hash, randomblob(32) FROM audit_log WHERE seq = {Count};");

        var issue = FirstIssue();

        Assert.Equal((Count + 1L, AuditIssueKind.Edited), (issue.Sequence, issue.Kind));
    }

    [Fact]
    public void Verify_TwoRecordsSwapped_NamesTheEarlierOne()
    {
        AuditSamples.Tamper(_path, "UPDATE audit_log SET seq = -1 WHERE seq = 12; UPDATE audit_log SET seq = 12 WHERE seq = 23; UPDATE audit_log SET seq = 23 WHERE seq = -1;");

        var result = AuditVerifier.Verify(_path, AuditSamples.Key);

        Assert.Equal((12L, AuditIssueKind.Edited), (result.FirstIssue!.Sequence, result.FirstIssue.Kind));
        Assert.Contains(result.Issues, i => i.Sequence == 23);
    }

    [Fact]
    public void Verify_TailCutOffButItsCheckpointLeft_NamesTheFirstMissingRecord()
    {
        AuditSamples.Tamper(_path, "DELETE FROM audit_log WHERE seq > 25;");

        var issue = FirstIssue();

        Assert.Equal((26L, AuditIssueKind.Truncated), (issue.Sequence, issue.Kind));
        Assert.Contains("Records 26 to 30 are missing", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TailAndItsCheckpointsCutOff_TheAnchorFileRevealsIt()
    {
        AuditSamples.Tamper(_path, "DELETE FROM audit_log WHERE seq > 25; DELETE FROM audit_checkpoints WHERE seq > 25;");

        var issue = FirstIssue();

        Assert.Equal((26L, AuditIssueKind.Truncated), (issue.Sequence, issue.Kind));
    }

    [Fact]
    public void Verify_TailCheckpointsAndAnchorAllRemoved_IsUndetectableAndSaysSo()
    {
        AuditSamples.Tamper(_path, "DELETE FROM audit_log WHERE seq > 25; DELETE FROM audit_checkpoints WHERE seq > 25;");
        File.Delete(_path + ".audit-anchor");

        var result = AuditVerifier.Verify(_path, AuditSamples.Key);

        // Documented limit (docs/audit.md): keep the anchor in another trust domain.
        Assert.True(result.IsIntact);
        Assert.Contains(result.Warnings, w => w.Contains("no anchor file", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("triggers", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ForgedCheckpointSealingMoreRecords_IsRejectedByItsSignature()
    {
        AuditSamples.Tamper(_path, $"INSERT INTO audit_checkpoints VALUES ({Count + 5}, randomblob(32), 1, (SELECT key_id FROM audit_checkpoints LIMIT 1), randomblob(32));");

        var issue = FirstIssue();

        Assert.Equal((Count + 5L, AuditIssueKind.ForgedCheckpoint), (issue.Sequence, issue.Kind));
        Assert.Contains("does not verify", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongKey_ReportsTheCheckpointsAsSignedWithAnotherKey()
    {
        var result = AuditVerifier.Verify(_path, "another-key-of-32-bytes-........"u8.ToArray());

        Assert.Equal(AuditIssueKind.ForgedCheckpoint, result.FirstIssue!.Kind);
        Assert.Contains("not with the given key", result.FirstIssue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnchorFileEdited_IsRejectedByItsSignature()
    {
        var anchor = _path + ".audit-anchor";
        var text = File.ReadAllText(anchor);
        File.WriteAllText(anchor, text.Replace(string.Create(CultureInfo.InvariantCulture, $"\"sequence\":{Count}"), "\"sequence\":99", StringComparison.Ordinal));

        var issue = FirstIssue();

        Assert.Equal((99L, AuditIssueKind.ForgedCheckpoint), (issue.Sequence, issue.Kind));
    }

    [Fact]
    public void Verify_OpenJournalWithRecordsAfterTheLastCheckpoint_ReportsThemUnsealed()
    {
        var path = _temp.File("open.db");
        var clock = new ManualClock(AuditSamples.Start);
        using var journal = new SqliteTradingJournal(path, JournalDurability.ProcessCrashSafe, AuditSamples.Options(clock, everyRecords: 100));
        AuditSamples.Append(journal, clock, 1, 12);

        var result = AuditVerifier.Verify(path, AuditSamples.Key);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.LastCheckpoint); // the first append seals the beginning
        Assert.Equal(7, result.UnsealedRecords);
        Assert.Contains(result.Warnings, w => w.Contains("7 record(s) after the last checkpoint", StringComparison.Ordinal));
    }

    private AuditIssue FirstIssue()
    {
        var result = AuditVerifier.Verify(_path, AuditSamples.Key);
        Assert.False(result.IsIntact, "the tampering was not detected");
        return result.FirstIssue!;
    }
}
