using MtMcp.Backtesting;
using MtMcp.Data.Import;
using MtMcp.Testing;

namespace MtMcp.Reports.Tests;

/// <summary>backtesting.py's GOOG SmaCross(10, 30) run (the golden run of the backtesting tests) and its report.</summary>
internal static class GoogRun
{
    private static readonly Lazy<Bar[]> s_bars = new(() => DataImporter.Import(SharedData.Path("GOOG.csv")).Bars);
    private static readonly Lazy<BacktestResult> s_run = new(() =>
        CompatBacktest.Run(Bars, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30)));

    public static Bar[] Bars => s_bars.Value;

    public static BacktestResult Run => s_run.Value;

    public static PerformanceReport Report() => PerformanceReports.FromBacktest(Run, Bars, "GOOG", "GOOG D1 · fast=10 slow=30");
}
