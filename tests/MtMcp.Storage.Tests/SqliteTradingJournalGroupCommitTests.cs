using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>Group commit: calls that arrive together share one transaction, yet each fails or succeeds on its own.</summary>
public sealed class SqliteTradingJournalGroupCommitTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly ManualClock _clock = new(AuditSamples.Start);

    public SqliteTradingJournalGroupCommitTests() => _path = _temp.File("accounts.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Commit_CallsQueuedBehindAWrite_ShareOneTransactionAndAMalformedStepFailsAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var journal = Open();
        string[] accounts = ["a", "b", "c", "d"];
        foreach (var account in accounts)
        {
            journal.Save(account, Samples.NewAccount());
        }

        var groupsBefore = journal.GroupsWritten;
        Task leader;
        Task[] followers;
        Task<ArgumentException> malformed;
        Task<StorageException> duplicate;
        using (journal.HoldWrites())
        {
            leader = Task.Run(() => journal.Commit("a", AuditSamples.Step(2, AuditSamples.Record(1, "a"))), ct);
            WaitUntil(() => journal.GroupsWritten == groupsBefore + 1); // the leader took its group and waits for the file
            followers =
            [
                Task.Run(() => journal.Commit("b", AuditSamples.Step(2, AuditSamples.Record(2, "b"))), ct),
                Task.Run(() => journal.AppendAudit([AuditSamples.Record(3, "") with { Kind = "config" }]), ct),
                Task.Run(() => journal.Commit("c", AuditSamples.Step(2, AuditSamples.Record(4, "c"))), ct),
            ];
            malformed = Task.Run(() => Assert.Throws<ArgumentException>(
                () => journal.Commit("d", AuditSamples.Step(2, AuditSamples.Record(5, "d"), AuditSamples.Record(6, "d") with { Payload = "" }))), ct);
            duplicate = Task.Run(() => Assert.Throws<StorageException>(() => journal.Commit("b", AuditSamples.Step(1, AuditSamples.Record(7, "b")))), ct);
            WaitUntil(() => journal.QueuedWrites == 5);
        }

        await Task.WhenAll([leader, .. followers, malformed, duplicate]).WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(groupsBefore + 2, journal.GroupsWritten); // the leader alone, then the five queued calls together
        Assert.Contains("has no payload", (await malformed).Message, StringComparison.Ordinal);
        Assert.Contains("account 'b'", (await duplicate).Message, StringComparison.Ordinal); // deal 1 is already stored
        Assert.Equal(10_002m, journal.Load("a")!.Balance);
        Assert.Equal(10_002m, journal.Load("b")!.Balance);
        Assert.Equal(10_002m, journal.Load("c")!.Balance);
        Assert.Equal(10_000m, journal.Load("d")!.Balance);
        Assert.Single(journal.Load("d")!.Deals);
        using var log = AuditLog.Open(_path);
        var entries = log.Read(new AuditQuery());
        Assert.Equal([1L, 2L, 3L, 4L], entries.Select(e => e.Sequence));
        Assert.Equivalent(new[] { 1, 2, 3, 4 }.Select(n => AuditSamples.Record(n).Payload), entries.Select(e => e.Record.Payload));
        Assert.True(AuditVerifier.Verify(_path, AuditSamples.Key).IsIntact);
    }

    [Fact]
    public void Commit_ManyThreadsAtOnce_StoresEveryAcknowledgedStepAndAnIntactChain()
    {
        const int Threads = 8;
        const int StepsPerThread = 60;
        using var journal = Open();
        for (var t = 0; t < Threads; t++)
        {
            journal.Save($"t{t}", Samples.NewAccount());
        }

        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var s = 0; s < StepsPerThread; s++)
            {
                var record = AuditSamples.Record(t * 1000 + s, $"t{t}");
                if (s % 3 == 2)
                {
                    journal.AppendAudit([record]);
                }
                else
                {
                    journal.Commit($"t{t}", AuditSamples.Step((ulong)s + 2, record, record));
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var commitsPerThread = StepsPerThread - (StepsPerThread / 3);
        var lastCommitted = Enumerable.Range(0, StepsPerThread).Last(s => s % 3 != 2);
        for (var t = 0; t < Threads; t++)
        {
            var state = journal.Load($"t{t}")!;
            Assert.Equal(commitsPerThread + 1, state.Deals.Count);
            Assert.Equal(10_000m + lastCommitted + 2, state.Balance); // the last commit's balance
        }

        var verification = AuditVerifier.Verify(_path, AuditSamples.Key);
        Assert.True(verification.IsIntact);
        Assert.Equal(Threads * (commitsPerThread * 2 + StepsPerThread / 3), verification.Records);
    }

    private SqliteTradingJournal Open() => new(_path, JournalDurability.ProcessCrashSafe, AuditSamples.Options(_clock));

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The calls did not line up within 30 s.");
            Thread.Sleep(1);
        }
    }
}
