using System.Text.Json;
using MtMcp.Backtesting;

namespace MtMcp.Reports.Tests;

/// <summary>The optimisation report: a row per pass matching the passes, and the best pass's own charts.</summary>
public sealed class OptimizationReportTests
{
    [Fact]
    public void FromOptimization_SmallGoogGrid_TabulatesEveryPassAndChartsTheBest()
    {
        var space = new ParameterSpace([new ParameterRange("fast", 5, 15, 5), new ParameterRange("slow", 20, 30, 10)]);
        var evaluator = new CompatPassEvaluator(() => new SmaCross(), new CompatOptions());
        var result = Optimizer.Run(GoogRun.Bars, space, evaluator, cancellationToken: TestContext.Current.CancellationToken);
        var top = result.Best!;
        var bestRun = CompatBacktest.Run(GoogRun.Bars, new SmaCross(), new StrategyParameters().Set("fast", top.Values[0]).Set("slow", top.Values[1]));

        var report = PerformanceReports.FromOptimization(result, "sma_cross", "GOOG D1", PerformanceReports.FromBacktest(bestRun, GoogRun.Bars, "GOOG"));

        var table = report.Table!;
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal(["fast", "slow", "score", "feasible"], table.Columns.Take(4));
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Assert.Equal(result.Passes[r].Values[0], table.Rows[r][0]);
            Assert.Equal(result.Passes[r].Statistics.NetProfit, table.Rows[r][table.Columns.ToList().IndexOf("net_profit")]);
        }

        // The best pass re-run gives the same net profit as its optimisation pass.
        Assert.Equal(top.Statistics.NetProfit, bestRun.Statistics.EquityFinal - 10_000, 1e-6);
        Assert.Equal(bestRun.Trades.Count, report.Histogram.Counts.Sum());
        using var json = JsonDocument.Parse(JsonReportWriter.ToUtf8(report, includeSeries: false));
        Assert.Equal("optimization", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("table").GetProperty("rows").GetArrayLength());
        Assert.Contains("<h2>Optimisation passes</h2>", HtmlReportWriter.ToHtml(report), StringComparison.Ordinal);
    }
}
