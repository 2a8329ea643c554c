using Microsoft.Data.Sqlite;
using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>How the journal appends to the audit chain: with the step, append-only, checkpoints, migration.</summary>
public sealed class AuditJournalTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly ManualClock _clock = new(AuditSamples.Start);

    public AuditJournalTests() => _path = _temp.File("accounts.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Commit_StepWithAuditRecords_StoresThemInOrderWithTheAppendTime()
    {
        using var journal = Open();
        journal.Save("main", Samples.NewAccount());
        _clock.Now = AuditSamples.Start.AddTicks(1234567); // 123456.7 µs after the start
        var changes = AuditSamples.Step(deal: 2, AuditSamples.Record(1), AuditSamples.Record(2), AuditSamples.Record(3));

        journal.Commit("main", changes);

        var entries = Read(new AuditQuery());
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal([AuditSamples.Record(1), AuditSamples.Record(2), AuditSamples.Record(3)], entries.Select(e => e.Record));
        Assert.All(entries, e => Assert.Equal(Samples.T0 * 1000 + 123_456, e.RecordedUs));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
    }

    [Fact]
    public void Commit_StepThatFails_StoresNoneOfItsAuditRecords()
    {
        using var journal = Open();
        journal.Save("main", Samples.NewAccount());
        var broken = AuditSamples.Step(deal: 2, AuditSamples.Record(1));
        broken.Add(new TradeTransaction(TradeTransactionType.DealAdd, Samples.T0)); // no deal: the step is refused

        Assert.Throws<ArgumentException>(() => journal.Commit("main", broken));
        Assert.Throws<InvalidOperationException>(() => journal.Commit("nobody", AuditSamples.Step(deal: 2, AuditSamples.Record(1))));

        Assert.Empty(Read(new AuditQuery()));
        Assert.Single(journal.Load("main")!.Deals);
    }

    [Fact]
    public void Commit_AuditRecordWithoutAKind_StoresNothingOfTheStep()
    {
        using var journal = Open();
        journal.Save("main", Samples.NewAccount());
        var step = AuditSamples.Step(deal: 2, AuditSamples.Record(1), AuditSamples.Record(2) with { Kind = "" });

        var ex = Assert.Throws<ArgumentException>(() => journal.Commit("main", step));

        Assert.Contains("has no kind", ex.Message, StringComparison.Ordinal);
        Assert.Single(journal.Load("main")!.Deals); // the step's deal 2 is not there
        Assert.Empty(Read(new AuditQuery()));
    }

    [Fact]
    public void Delete_Account_KeepsItsAuditRecords()
    {
        using var journal = Open();
        journal.Save("main", Samples.NewAccount());
        journal.Commit("main", AuditSamples.Step(deal: 2, AuditSamples.Record(1)));

        Assert.True(journal.Delete("main"));
        journal.AppendAudit([AuditSamples.Record(2) with { Kind = "account" }]);

        Assert.Equal([AuditSamples.Record(1).Kind, "account"], Read(new AuditQuery { Account = "main" }).Select(e => e.Record.Kind));
        Assert.True(AuditVerifier.Verify(_path, AuditSamples.Key).IsIntact);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET payload = '{}' WHERE seq = 1;", "cannot be changed")]
    [InlineData("DELETE FROM audit_log WHERE seq = 2;", "cannot be deleted")]
    [InlineData("DELETE FROM audit_log;", "cannot be deleted")]
    [InlineData("INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE seq = 1;", "must follow the last one")]
    [InlineData("INSERT INTO audit_log SELECT seq, recorded_us, time_ms, kind, account, actor, channel, client_order_id, payload, hash, hash FROM audit_log WHERE seq = 2;", "must follow the last one")]
    [InlineData("INSERT INTO audit_log SELECT seq - 3, recorded_us, time_ms, kind, account, actor, channel, client_order_id, payload, hash, hash FROM audit_log WHERE seq = 3;", "must follow the last one")]
    [InlineData("UPDATE audit_checkpoints SET mac = zeroblob(32);", "cannot be changed")]
    [InlineData("DELETE FROM audit_checkpoints;", "cannot be deleted")]
    public void RawSql_ChangingTheLog_IsAbortedByTheStorage(string sql, string message)
    {
        AuditSamples.Build(_path, 3);
        using var connection = AuditSamples.Open(_path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var ex = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal("3", AuditSamples.Scalar(_path, "SELECT count(*) FROM audit_log;"));
        Assert.True(AuditVerifier.Verify(_path, AuditSamples.Key).IsIntact);
    }

    [Fact]
    public void Append_EveryTenRecords_WritesASignedCheckpointAndAnchorsTheLast()
    {
        using (var journal = Open(everyRecords: 10))
        {
            AuditSamples.Append(journal, _clock, 1, 42);
            Assert.Equal("5,15,25,35", Checkpoints()); // first append seals the start; then ≥ 10 records later, at step ends
        }

        Assert.Equal("5,15,25,35,42", Checkpoints()); // closing seals the rest
        var anchor = File.ReadAllText(_path + ".audit-anchor");
        Assert.Contains("\"sequence\":42", anchor, StringComparison.Ordinal);
        Assert.Contains(AuditSamples.Scalar(_path, "SELECT lower(hex(mac)) FROM audit_checkpoints WHERE seq = 42;"), anchor, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(AuditSamples.Key), AuditSamples.Scalar(_path, "SELECT group_concat(key_id) FROM audit_checkpoints;"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Append_LongAfterTheLastCheckpoint_WritesOneByTime()
    {
        using var journal = Open(everyRecords: 1000);
        AuditSamples.Append(journal, _clock, 1, 10);
        _clock.Now += TimeSpan.FromDays(1);
        AuditSamples.Append(journal, _clock, 11, 15);

        Assert.Equal("5,15", Checkpoints());
    }

    [Fact]
    public void Append_WithoutKey_KeepsTheChainButWritesNoCheckpointOrAnchor()
    {
        using (var journal = new SqliteTradingJournal(_path, JournalDurability.ProcessCrashSafe, new AuditOptions { Time = _clock }))
        {
            AuditSamples.Append(journal, _clock, 1, 12);
        }

        var result = AuditVerifier.Verify(_path);
        Assert.True(result.IsIntact);
        Assert.Equal(12, result.Records);
        Assert.Equal(0, result.Checkpoints);
        Assert.False(File.Exists(_path + ".audit-anchor"));
    }

    [Fact]
    public void Append_TwoJournalsOnOneFile_BuildOneChain()
    {
        using var first = Open();
        using var second = Open();
        for (var n = 1; n <= 6; n++)
        {
            (n % 2 == 0 ? first : second).AppendAudit([AuditSamples.Record(n)]);
        }

        Assert.Equal(Enumerable.Range(1, 6).Select(n => AuditSamples.Record(n)), Read(new AuditQuery()).Select(e => e.Record));
        Assert.True(AuditVerifier.Verify(_path, AuditSamples.Key).IsIntact);
    }

    [Fact]
    public void Open_JournalOfSchemaVersion1_AddsTheAuditLogAndKeepsTheAccounts()
    {
        using (var journal = Open())
        {
            journal.Save("main", Samples.Rich());
        }

        AuditSamples.Tamper(_path, "DROP TABLE audit_log; DROP TABLE audit_checkpoints; ALTER TABLE accounts DROP COLUMN risk_state; PRAGMA user_version = 1;");
        Assert.Throws<StorageException>(() => AuditVerifier.Verify(_path));

        using (var journal = Open())
        {
            Assert.Equal("3", journal.ReadPragma("user_version"));
            Assert.Equivalent(Samples.Rich(), journal.Load("main"), strict: true);
            journal.AppendAudit([AuditSamples.Record(1)]);
        }

        Assert.True(AuditVerifier.Verify(_path, AuditSamples.Key).IsIntact);
    }

    [Fact]
    public void Options_KeyShorterThan16Bytes_IsRefusedWithoutShowingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuditOptions { Key = "short-secret"u8.ToArray(), Time = _clock });

        Assert.Contains("at least 16", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Filters_MatchTheRecordsWrittenByHand()
    {
        AuditSamples.Build(_path, 30);
        var all = Enumerable.Range(1, 30).Select(n => AuditSamples.Record(n)).ToList();

        Assert.Equal(all.Where(r => r.Kind == "risk_decision"), Read(new AuditQuery { Kind = "risk_decision" }).Select(e => e.Record));
        Assert.Equal(all.Where(r => r.Actor == "key-even"), Read(new AuditQuery { Actor = "key-even" }).Select(e => e.Record));
        Assert.Equal([AuditSamples.Record(12)], Read(new AuditQuery { ClientOrderId = "c-12" }).Select(e => e.Record));
        Assert.Equal(all.Skip(9).Take(5), Read(new AuditQuery { FromMs = Samples.T0 + 10_000, ToMs = Samples.T0 + 15_000 }).Select(e => e.Record));
        Assert.Empty(Read(new AuditQuery { Account = "other" }));
        Assert.Equal([21L, 22L, 23L], Read(new AuditQuery { AfterSequence = 20, Limit = 3 }).Select(e => e.Sequence));
        using var log = AuditLog.Open(_path);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Read(new AuditQuery { Limit = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Read(new AuditQuery { FromMs = 2, ToMs = 1 }));
    }

    [Fact]
    public void Commit_ManyRecordsInOneStep_StoresTheChainOfOneRecordPerCall()
    {
        // The chain does not depend on how records are grouped into transactions: 40 records in one step give the
        // chain of the same records appended one per call, byte for byte (the head is carried between records in reused buffers).
        var records = Enumerable.Range(1, 40).Select(n => AuditSamples.Record(n)).ToArray();
        using (var journal = Open(everyRecords: 1000))
        {
            journal.Save("main", Samples.NewAccount());
            journal.Commit("main", AuditSamples.Step(2, records));
        }

        var reference = _temp.File("reference.db");
        using (var journal = new SqliteTradingJournal(reference, JournalDurability.ProcessCrashSafe, AuditSamples.Options(_clock, everyRecords: 1000)))
        {
            foreach (var record in records)
            {
                journal.AppendAudit([record]);
            }
        }

        var entries = Read(new AuditQuery());
        using var log = AuditLog.Open(reference);
        var expected = log.Read(new AuditQuery());
        Assert.Equal(records, entries.Select(e => e.Record));
        Assert.Equal(expected.Select(e => (e.Sequence, e.PreviousHash, e.Hash)), entries.Select(e => (e.Sequence, e.PreviousHash, e.Hash)));
        var verification = AuditVerifier.Verify(_path, AuditSamples.Key);
        Assert.True(verification.IsIntact, string.Join("; ", verification.Issues));
        Assert.Equal(40, verification.Records);
    }

    private SqliteTradingJournal Open(int everyRecords = 10) =>
        new(_path, JournalDurability.ProcessCrashSafe, AuditSamples.Options(_clock, everyRecords: everyRecords));

    private IReadOnlyList<AuditEntry> Read(AuditQuery query)
    {
        using var log = AuditLog.Open(_path);
        return log.Read(query);
    }

    private string Checkpoints() =>
        AuditSamples.Scalar(_path, "SELECT group_concat(seq, ',') FROM (SELECT seq FROM audit_checkpoints ORDER BY seq);");
}
