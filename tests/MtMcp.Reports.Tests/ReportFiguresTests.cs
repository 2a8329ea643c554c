namespace MtMcp.Reports.Tests;

/// <summary>The figure computations on small hand-checked inputs.</summary>
public sealed class ReportFiguresTests
{
    [Fact]
    public void DrawdownPct_RiseFallRecover_MeasuresFromTheRunningPeak()
    {
        var drawdown = ReportFigures.DrawdownPct([100, 200, 150, 100, 250, 225]);

        Assert.Equal([0, 0, -25, -50, 0, -10], drawdown.Select(v => Math.Round(v, 12)));
        Assert.DoesNotContain(drawdown, v => double.IsNegative(v) && v == 0); // no −0 in the JSON
    }

    [Fact]
    public void ReturnIndex_DepositBetweenPoints_IsNotAReturn()
    {
        // +10 %, then a deposit of 1 000 and a gain of 0, then −50 %.
        var index = ReportFigures.ReturnIndex([1000, 1100, 2100, 1050], [0, 0, 1000, 0]);

        Assert.Equal([1, 1.1, 1.1, 0.55], index.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void ReturnIndex_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => ReportFigures.ReturnIndex([1, 2], [0]));

    [Fact]
    public void MonthlyReturns_TwoMonths_UseThePreviousMonthsLastValue()
    {
        long jan1 = 1_735_689_600_000, day = 86_400_000;
        long[] times = [jan1, jan1 + (10 * day), jan1 + (31 * day), jan1 + (40 * day)];

        var months = ReportFigures.MonthlyReturns(times, [100, 110, 99, 121]);

        Assert.Equal([new PeriodReturn(2025, 1, 10.000000000000009), new PeriodReturn(2025, 2, 10.000000000000009)], months);
    }

    [Fact]
    public void MonthlyReturns_TimesGoBack_Throws() =>
        Assert.Throws<ArgumentException>(() => ReportFigures.MonthlyReturns([2_000, 1_000], [1, 1]));

    [Fact]
    public void Histogram_WinsAndLosses_HasZeroAsAnEdge()
    {
        var h = ReportFigures.Histogram([-3, -1, 0.5, 2, 4, 5], bins: 4);

        // width (5 − −3) / 4 = 2: edges −4 … 6 on multiples of 2.
        Assert.Equal([-4, -2, 0, 2, 4, 6], h.EdgesPct);
        Assert.Equal([1, 1, 1, 1, 2], h.Counts);
    }

    [Fact]
    public void Histogram_AllEqual_IsOneBin()
    {
        var h = ReportFigures.Histogram([2, 2, 2]);

        Assert.Equal([1.5, 2.5], h.EdgesPct);
        Assert.Equal([3], h.Counts);
    }

    [Fact]
    public void Histogram_NaN_Throws() => Assert.Throws<ArgumentException>(() => ReportFigures.Histogram([1, double.NaN]));
}
