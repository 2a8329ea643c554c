using System.Diagnostics;
using System.Globalization;
using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

/// <summary>
/// A replay of 13 days of real EURUSD ticks with scripted orders, in a separate process: the ledger is the same in
/// two runs, and the same again when the process is killed at random moments and restarted until it finishes.
/// </summary>
public sealed class ReplayLedgerTests(ReplayData data) : IClassFixture<ReplayData>
{
    [Fact]
    public void Replay_TwoRuns_GiveTheSameLedger()
    {
        var first = data.NewJournalPath();
        var second = data.NewJournalPath();
        Assert.Null(RunHost(first, killAt: null));
        Assert.Null(RunHost(second, killAt: null));

        AssertRichLedger(first);
        Assert.Equal(Ledger(first), Ledger(second));
    }

    [Fact]
    public void Replay_KilledAndRestartedRepeatedly_GivesTheSameLedgerAsAnUninterruptedRun()
    {
        var reference = data.NewJournalPath();
        Assert.Null(RunHost(reference, killAt: null));

        // Each run is killed a random number of ticks after the point the previous one reached.
        var interrupted = data.NewJournalPath();
        var random = new Random(20261124);
        var kills = 0;
        long reached = 0;
        while (RunHost(interrupted, killAt: reached + random.Next(20_000, 120_000), killDelay: TimeSpan.FromMilliseconds(random.Next(0, 40))) is { } stoppedAt)
        {
            reached = stoppedAt;
            kills++;
            Assert.True(kills < 60, "the replay never finished between kills");
        }

        Assert.True(kills >= 3, $"the process was killed only {kills} times: the test proves little about restarts");
        Assert.Equal(Ledger(reference), Ledger(interrupted));
    }

    // The script must reach the interesting paths, or equal ledgers prove little.
    private static void AssertRichLedger(string journalPath)
    {
        using var journal = new SqliteTradingJournal(journalPath);
        var states = journal.ListAccounts().Select(a => journal.Load(a)!).ToArray();
        var deals = states.SelectMany(s => s.Deals).ToArray();
        var orders = states.SelectMany(s => s.Orders).ToArray();
        Assert.Contains(deals, d => d.Reason == DealReason.StopLoss);
        Assert.Contains(deals, d => d.Reason == DealReason.TakeProfit);
        Assert.Contains(deals, d => d.Entry == DealEntry.OutBy);
        Assert.Contains(deals, d => d.Entry == DealEntry.InOut);
        Assert.Contains(deals, d => d.Swap != 0);
        Assert.Contains(deals, d => d.Commission != 0);
        Assert.Contains(orders, o => o.State == OrderState.Expired);
        Assert.Contains(orders, o => o.Type == OrderType.SellStop && o.State == OrderState.Filled);
        Assert.True(deals.Length > 500, $"only {deals.Length} deals");
    }

    // Runs the host to the end (null), or kills it killDelay after it reports a feed position at or past killAt
    // (it keeps trading meanwhile, so the kill lands anywhere in a step) and returns that position.
    private long? RunHost(string journal, long? killAt, TimeSpan killDelay = default)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostPath());
        start.ArgumentList.Add(data.StoreDirectory);
        start.ArgumentList.Add(journal);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (killAt is { } target && line.StartsWith("at ", StringComparison.Ordinal)
                && long.Parse(line.AsSpan(3), CultureInfo.InvariantCulture) is var position && position >= target)
            {
                Thread.Sleep(killDelay);
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return position;
            }
        }

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the replay host did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"the replay host failed: {errors.Result}");
        return null;
    }

    // Everything the journal holds, as text: deals, orders, positions, balance.
    private static string Ledger(string journalPath)
    {
        using var journal = new SqliteTradingJournal(journalPath);
        var text = new System.Text.StringBuilder();
        foreach (var account in journal.ListAccounts())
        {
            var state = journal.Load(account)!;
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{account} balance={state.Balance} next={state.NextTicket}");
            foreach (var deal in state.Deals)
            {
                text.AppendLine(deal.ToString());
            }

            foreach (var order in state.Orders)
            {
                text.AppendLine(order.ToString());
            }

            foreach (var position in state.Positions)
            {
                text.AppendLine(position.ToString());
            }
        }

        return text.ToString();
    }

    private static string HostPath()
    {
        // The host is built next to this project in the same configuration (bin/<config>/<tfm>/).
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(SharedData.RepoRoot, "tests", "MtMcp.Paper.ReplayHost", "bin", configuration, tfm, "MtMcp.Paper.ReplayHost.dll");
    }
}
