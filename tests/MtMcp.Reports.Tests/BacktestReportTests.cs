using System.Text.Json;

namespace MtMcp.Reports.Tests;

/// <summary>The figures of a backtest report against independent computations on the GOOG SmaCross run.</summary>
public sealed class BacktestReportTests
{
    [Fact]
    public void FromBacktest_GoogSmaCross_MonthlyReturnsEqualHandComputationFromEquity()
    {
        var bars = GoogRun.Bars;
        var equity = GoogRun.Run.Equity;
        // By hand: the last equity of each calendar month over the last equity of the month before (the first equity for the first month).
        var expected = new List<(int Year, int Month, double Pct)>();
        var previous = equity[0];
        for (var i = 0; i < bars.Length; i++)
        {
            var date = bars[i].OpenTime.UtcDateTime;
            var lastOfMonth = i == bars.Length - 1 || bars[i + 1].OpenTime.UtcDateTime.Month != date.Month;
            if (lastOfMonth)
            {
                expected.Add((date.Year, date.Month, ((equity[i] / previous) - 1) * 100));
                previous = equity[i];
            }
        }

        var report = GoogRun.Report();

        Assert.Equal(expected.Count, report.MonthlyReturns.Count);
        Assert.Equal(2004, report.MonthlyReturns[0].Year);
        Assert.Equal(8, report.MonthlyReturns[0].Month);
        for (var k = 0; k < expected.Count; k++)
        {
            var actual = report.MonthlyReturns[k];
            Assert.Equal((expected[k].Year, expected[k].Month), (actual.Year, actual.Month!.Value));
            Assert.Equal(expected[k].Pct, actual.ReturnPct, 1e-9);
        }
    }

    [Fact]
    public void FromBacktest_GoogSmaCross_YearlyReturnsCompoundTheMonths()
    {
        var report = GoogRun.Report();

        foreach (var year in report.YearlyReturns)
        {
            var compounded = report.MonthlyReturns.Where(m => m.Year == year.Year).Aggregate(1.0, (g, m) => g * (1 + (m.ReturnPct / 100)));
            Assert.Equal((compounded - 1) * 100, year.ReturnPct, 1e-9);
        }

        Assert.Equal(Enumerable.Range(2004, 10), report.YearlyReturns.Select(y => y.Year));
    }

    [Fact]
    public void FromBacktest_GoogSmaCross_DrawdownEqualsTheBacktestStatistics()
    {
        var run = GoogRun.Run;
        var report = GoogRun.Report();

        Assert.Equal(run.Statistics.MaxDrawdownPct, report.Curve.DrawdownPct.Min(), 1e-10);
        Assert.Equal(-47.98012705007589, report.Curve.DrawdownPct.Min(), 1e-8); // backtesting.py's published value
        for (var i = 0; i < run.DrawdownPct.Count; i++)
        {
            Assert.Equal(-100 * run.DrawdownPct[i], report.Curve.DrawdownPct[i], 1e-10);
        }

        var maxKey = report.Summary.Single(f => f.Key == "max_drawdown_pct");
        Assert.Equal(run.Statistics.MaxDrawdownPct, maxKey.Number);
    }

    [Fact]
    public void FromBacktest_GoogSmaCross_HistogramCountsEveryClosedTradeInItsBin()
    {
        var run = GoogRun.Run;
        var h = GoogRun.Report().Histogram;

        Assert.Equal(66, run.Trades.Count);
        Assert.Equal(run.Trades.Count, h.Counts.Sum());
        Assert.Equal(h.Counts.Count + 1, h.EdgesPct.Count);
        Assert.Contains(0.0, h.EdgesPct); // wins and losses never share a bin
        // Recount each bin from the trades' own returns.
        for (var k = 0; k < h.Counts.Count; k++)
        {
            var (lo, hi, last) = (h.EdgesPct[k], h.EdgesPct[k + 1], k == h.Counts.Count - 1);
            var inBin = run.Trades.Count(t => t.ReturnPct * 100 >= lo && (t.ReturnPct * 100 < hi || (last && t.ReturnPct * 100 <= hi)));
            Assert.Equal(inBin, h.Counts[k]);
        }
    }

    [Fact]
    public void FromBacktest_GoogSmaCross_BalanceIsCashPlusClosedTradeResults()
    {
        var run = GoogRun.Run;
        var report = GoogRun.Report();

        Assert.Equal(10_000, report.Curve.Balance[0]);
        Assert.Equal(10_000 + run.Trades.Sum(t => t.Profit), report.Curve.Balance[^1], 1e-6);
        // Finalised: the last equity is the cash, which is the balance.
        Assert.Equal(run.Statistics.EquityFinal, report.Curve.Balance[^1], 1e-6);
        var bar = run.Trades[10].ExitBar;
        Assert.Equal(10_000 + run.Trades.Where(t => t.ExitBar <= bar).Sum(t => t.Profit), report.Curve.Balance[bar], 1e-6);
    }

    [Fact]
    public void FromBacktest_BarsOfAnotherRun_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => PerformanceReports.FromBacktest(GoogRun.Run, GoogRun.Bars.AsSpan(1), "GOOG"));
        Assert.Contains("bars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonReportWriter_GoogSmaCross_CarriesTheStatisticsAndFigures()
    {
        var run = GoogRun.Run;
        var report = GoogRun.Report();

        using var json = JsonDocument.Parse(JsonReportWriter.ToUtf8(report));
        var root = json.RootElement;
        Assert.Equal("backtest", root.GetProperty("kind").GetString());
        Assert.Equal("2004-08-19T00:00:00Z", root.GetProperty("summary").GetProperty("start").GetString());
        Assert.Equal(run.Statistics.ReturnPct, root.GetProperty("summary").GetProperty("return_pct").GetDouble());
        Assert.Equal(66, root.GetProperty("trade_count").GetInt32());
        Assert.Equal(66, root.GetProperty("trade_histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        Assert.Equal(GoogRun.Bars.Length, root.GetProperty("equity_curve").GetProperty("equity").GetArrayLength());
        Assert.Equal(run.Equity[^1], root.GetProperty("equity_curve").GetProperty("equity")[GoogRun.Bars.Length - 1].GetDouble());
        var months = root.GetProperty("monthly_returns");
        Assert.Equal(report.MonthlyReturns.Count, months.GetArrayLength());
        Assert.Equal(report.MonthlyReturns[5].ReturnPct, months[5].GetProperty("return_pct").GetDouble());
        Assert.False(JsonDocument.Parse(JsonReportWriter.ToUtf8(report, includeSeries: false)).RootElement.TryGetProperty("equity_curve", out _));
    }

    [Fact]
    public void Writers_SameReportTwice_GiveTheSameBytes()
    {
        Assert.Equal(HtmlReportWriter.ToUtf8(GoogRun.Report()), HtmlReportWriter.ToUtf8(GoogRun.Report()));
        Assert.Equal(JsonReportWriter.ToUtf8(GoogRun.Report()), JsonReportWriter.ToUtf8(GoogRun.Report()));
    }
}
