using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>
/// Kills a process (MtMcp.Storage.CrashHost) that commits numbered steps, at random moments, and checks that the
/// file still opens and holds every acknowledged step and at most one more, each one whole.
/// </summary>
public sealed class SqliteTradingJournalCrashTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Commit_ProcessKilledAtRandomMoments_KeepsEveryAcknowledgedStepAndAtMostOneMore()
    {
        var path = _temp.File("accounts.db");
        var random = new Random(20250102);
        var lastStored = 0UL;
        for (var run = 0; run < 10; run++)
        {
            var acknowledged = await RunAndKill(path, acksBeforeKill: random.Next(1, 40), extraMicroseconds: random.Next(0, 300));

            using var journal = new SqliteTradingJournal(path);
            var state = journal.Load("crash") ?? throw new InvalidOperationException($"Run {run}: the account is gone.");
            var stored = state.NextTicket - 1;
            Assert.True(
                stored >= acknowledged && stored <= acknowledged + 1,
                $"Run {run}: step {acknowledged} was acknowledged but the file holds steps up to {stored}.");
            Assert.True(stored > lastStored, $"Run {run}: no progress past step {lastStored}.");
            AssertWholeSteps(state, stored);
            AssertAuditOfSteps(path, stored);
            lastStored = stored;
        }
    }

    /// <summary>Every step 1..n whole: its deal, the position's volume, the balance and the time agree.</summary>
    private static void AssertWholeSteps(AccountState state, ulong n)
    {
        Assert.Equal(Enumerable.Range(1, (int)n).Select(i => (ulong)i), state.Deals.Select(d => d.Ticket));
        Assert.All(state.Deals, d => Assert.Equal((decimal)d.Ticket, d.Profit));
        Assert.Equal(n * (n + 1) / 2, (ulong)state.Balance);
        Assert.Equal(n * 0.01m, Assert.Single(state.Positions).Volume);
        Assert.Equal((long)n * 1000, state.TimeMs);
    }

    /// <summary>The audit log holds exactly the two records of every stored step, in order, and verifies.</summary>
    private static void AssertAuditOfSteps(string path, ulong n)
    {
        using (var log = AuditLog.Open(path))
        {
            var expected = Enumerable.Range(1, (int)n).SelectMany(i => new[] { ("deal", i), ("balance", i) });
            var stored = log.Read(new AuditQuery { Limit = AuditLog.MaxLimit })
                .Select(e => (e.Record.Kind, int.Parse(e.Record.Payload.AsSpan(8, e.Record.Payload.Length - 9), CultureInfo.InvariantCulture)));
            Assert.Equal(expected, stored);
        }

        var verification = AuditVerifier.Verify(path);
        Assert.True(verification.IsIntact, verification.FirstIssue?.Message);
    }

    /// <summary>Starts the host, waits for some acknowledgements, kills it; returns the last step it acknowledged.</summary>
    private static async Task<ulong> RunAndKill(string path, int acksBeforeKill, int extraMicroseconds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CrashHostPath());
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("crash");
        using var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var last = 0UL;
        try
        {
            for (var seen = 0; seen < acksBeforeKill; seen++)
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException($"The crash host exited with code {await ExitCode(process)} before acknowledging a step.");
                last = ParseAck(line);
            }

            // Somewhere inside the next commit (a commit takes tens of microseconds).
            var until = Stopwatch.GetTimestamp() + extraMicroseconds * Stopwatch.Frequency / 1_000_000;
            while (Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(10);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(deadline.Token);
        }

        // Acknowledgements already written to the pipe before the kill count too.
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } rest)
        {
            last = ParseAck(rest);
        }

        return last;
    }

    private static async Task<int> ExitCode(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static ulong ParseAck(string line)
    {
        Assert.StartsWith("ack ", line, StringComparison.Ordinal);
        return ulong.Parse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string CrashHostPath()
    {
        var path = typeof(SqliteTradingJournalCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashHost").Value!;
        Assert.True(File.Exists(path), $"The crash host is not built at {path}.");
        return path;
    }
}
