using MtMcp.Backtesting;
using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Testing;

namespace MtMcp.Reports.Tests;

/// <summary>The report of a native (MT5-semantics) run: sma_cross on M1 bars of the real LEAN EURUSD ticks of 2014-05-01 .. 05-02.</summary>
public sealed class NativeReportTests
{
    private static readonly Lazy<(Bar[] Bars, NativeResult Run)> s_run = new(() =>
    {
        Tick[] ticks = [.. new[] { "20140501", "20140502" }.SelectMany(d =>
            DataImporter.Import(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", $"{d}_quote.zip"), new ImportOptions { Symbol = "EURUSD" }).Ticks)];
        var bars = BarResampler.TicksToBars(ticks, Timeframe.M1, 0.00001);
        return (bars, NativeBacktest.RunBars(bars, Timeframe.M1, NativeModel.OpenPrices, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30)));
    });

    [Fact]
    public void FromNative_EurUsdM1SmaCross_BalanceAndTradesComeFromTheLedger()
    {
        var (bars, run) = s_run.Value;

        var report = PerformanceReports.FromNative(run, bars, "sma_cross", "EURUSD", "USD");

        Assert.True(run.Report.TotalTrades > 10, $"the scenario must trade: {run.Report.TotalTrades} trades, {run.Rejections.Count} rejections {(run.Rejections.Count > 0 ? run.Rejections[0].ToString() : "")}, {run.Deals.Count} deals, {bars.Length} bars");
        Assert.Equal((double)run.FinalBalance, report.Curve.Balance[^1], 1e-6);
        Assert.Equal((double)run.InitialDeposit, report.Curve.Balance[0], 1e-6);
        Assert.Equal(run.Report.TotalTrades, report.Trades.Count);
        Assert.Equal(run.Report.TotalTrades, report.Histogram.Counts.Sum());
        Assert.Equal((double)(run.Report.GrossProfit + run.Report.GrossLoss), report.Trades.Sum(t => t.Profit), 1e-6);
        // Every trade is paired with an entry before its exit, on the side its closing deal implies.
        Assert.All(report.Trades, t => Assert.True(t.EntryTimeMs <= t.ExitTimeMs));
        Assert.Equal(run.Report.LongTrades.Count, report.Trades.Count(t => t.Size > 0));
        var drawdown = report.Curve.DrawdownPct.Min();
        Assert.Equal(-run.Report.EquityDrawdownMaximal.Pct, drawdown, 1e-9);
    }
}
