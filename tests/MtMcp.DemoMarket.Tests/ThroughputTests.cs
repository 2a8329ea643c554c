using System.Diagnostics;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

/// <summary>Rough throughput figures in the test output (no timing assertions: the machine is shared).</summary>
public sealed class ThroughputTests
{
    [Fact]
    public void GenerateTicks_WholeCatalogueTradingDay_ReportsTicksPerSecond()
    {
        var market = new DemoMarket(new DemoMarketOptions());
        var day = TestMarkets.Monday.AddDays(1).AddHours(12);
        long best = long.MaxValue, count = 0;
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            count = 0;
            foreach (var _ in market.GenerateTicks(day, day.AddHours(6)))
            {
                count++;
            }

            best = Math.Min(best, Stopwatch.GetTimestamp() - started);
        }

        var seconds = (double)best / Stopwatch.Frequency;
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"{count:N0} ticks of {SymbolCatalog.BuiltIn.Count} symbols over the 6 busiest hours in {seconds:F3} s: {count / seconds / 1e6:F2} million ticks/s");
        Assert.True(count > 100_000, $"{count} ticks");
    }

    [Fact]
    public void GenerateM1_YearOfEurusd_ReportsBarsPerSecond()
    {
        var market = TestMarkets.Of("EURUSD");
        long best = long.MaxValue;
        var bars = Array.Empty<Bar>();
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            bars = market.GenerateM1("EURUSD", TestMarkets.Start, TestMarkets.Start.AddDays(365));
            best = Math.Min(best, Stopwatch.GetTimestamp() - started);
        }

        var seconds = (double)best / Stopwatch.Frequency;
        TestContext.Current.TestOutputHelper!.WriteLine($"{bars.Length:N0} EURUSD M1 bars (one year) in {seconds:F3} s: {bars.Length / seconds / 1e6:F2} million bars/s");

        // 52 weeks of 120 quoted hours, less the few quiet minutes without a tick.
        Assert.InRange(bars.Length, 365_000, 378_000);
    }
}
