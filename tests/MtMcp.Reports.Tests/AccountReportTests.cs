namespace MtMcp.Reports.Tests;

/// <summary>A paper account over a period, rebuilt from a hand-made deals ledger.</summary>
public sealed class AccountReportTests
{
    private static readonly long s_jan5 = Ms(2025, 1, 5);

    /// <summary>
    /// Deposit 10 000 (Dec); long EURUSD +500 (Jan); deposit 5 000 (Jan); short EURUSD −310 after −10 commission (Feb);
    /// long GBPUSD +200 (Feb); withdrawal 1 000 (Mar).
    /// </summary>
    internal static IReadOnlyList<Deal> Ledger() =>
    [
        new() { Ticket = 1, Type = DealType.Balance, Profit = 10_000, TimeMs = Ms(2024, 12, 20) },
        new() { Ticket = 2, Type = DealType.Buy, Entry = DealEntry.In, Symbol = "EURUSD", PositionId = 2, Volume = 1, Price = 1.0300, TimeMs = s_jan5 },
        new() { Ticket = 3, Type = DealType.Sell, Entry = DealEntry.Out, Symbol = "EURUSD", PositionId = 2, Volume = 1, Price = 1.0350, Profit = 500, TimeMs = Ms(2025, 1, 10) },
        new() { Ticket = 4, Type = DealType.Balance, Profit = 5_000, TimeMs = Ms(2025, 1, 20) },
        new() { Ticket = 5, Type = DealType.Sell, Entry = DealEntry.In, Symbol = "EURUSD", PositionId = 5, Volume = 2, Price = 1.0400, TimeMs = Ms(2025, 2, 3) },
        new() { Ticket = 6, Type = DealType.Buy, Entry = DealEntry.Out, Symbol = "EURUSD", PositionId = 5, Volume = 2, Price = 1.0415, Profit = -300, Commission = -10, TimeMs = Ms(2025, 2, 4) },
        new() { Ticket = 7, Type = DealType.Buy, Entry = DealEntry.In, Symbol = "GBPUSD", PositionId = 7, Volume = 1, Price = 1.2500, TimeMs = Ms(2025, 2, 10) },
        new() { Ticket = 8, Type = DealType.Sell, Entry = DealEntry.Out, Symbol = "GBPUSD", PositionId = 7, Volume = 1, Price = 1.2520, Profit = 200, TimeMs = Ms(2025, 2, 11) },
        new() { Ticket = 9, Type = DealType.Balance, Profit = -1_000, TimeMs = Ms(2025, 3, 3) },
    ];

    internal static PerformanceReport Report() => PerformanceReports.FromAccount("demo", "USD", Ledger(), Ms(2025, 1, 1), Ms(2025, 4, 1));

    [Fact]
    public void FromAccount_Ledger_StartsFromTheBalanceBeforeThePeriodWithOnePointPerDeal()
    {
        var report = Report();

        Assert.Equal(9, report.Curve.Count); // the start and the 8 deals of the period
        Assert.Equal(Ms(2025, 1, 1), report.Curve.TimesMs[0]);
        Assert.Equal([10_000, 10_000, 10_500, 15_500, 15_500, 15_190, 15_190, 15_390, 14_390], report.Curve.Balance);
        Assert.Equal(report.Curve.Balance, report.Curve.Equity);
    }

    [Fact]
    public void FromAccount_Ledger_MonthlyReturnsLeaveDepositsAndWithdrawalsOut()
    {
        var report = Report();

        // Jan: +500 on 10 000; Feb: −310 on 15 500 then +200 on 15 190; Mar: only a withdrawal.
        Assert.Equal(3, report.MonthlyReturns.Count);
        Assert.Equal(5.0, report.MonthlyReturns[0].ReturnPct, 1e-9);
        Assert.Equal(((15_190.0 / 15_500 * (15_390.0 / 15_190)) - 1) * 100, report.MonthlyReturns[1].ReturnPct, 1e-9);
        Assert.Equal(0.0, report.MonthlyReturns[2].ReturnPct, 1e-12);
        Assert.Equal(((1.05 * 15_390.0 / 15_500) - 1) * 100, report.YearlyReturns.Single().ReturnPct, 1e-9);
    }

    [Fact]
    public void FromAccount_Ledger_DrawdownIsTheLossNotTheWithdrawal()
    {
        var report = Report();

        // The only fall of the flow-adjusted index is the −310 trade on a 15 500 balance; the withdrawal is not a drawdown.
        Assert.Equal(-310.0 / 15_500 * 100, report.Curve.DrawdownPct.Min(), 1e-9);
        Assert.Equal(report.Curve.DrawdownPct[^2], report.Curve.DrawdownPct[^1]);
    }

    [Fact]
    public void FromAccount_Ledger_PairsEntriesWithClosingDeals()
    {
        var report = Report();

        Assert.Equal(3, report.Trades.Count);
        var shortTrade = report.Trades[1];
        Assert.Equal(("EURUSD", -2.0, s_jan5 + (29 * 86_400_000L), 1.0400, 1.0415, -310.0), (shortTrade.Symbol, shortTrade.Size, shortTrade.EntryTimeMs, shortTrade.EntryPrice, shortTrade.ExitPrice!.Value, shortTrade.Profit));
        Assert.Equal(-310.0 / 15_500 * 100, shortTrade.ReturnPct, 1e-9);
        Assert.Equal(3, report.Histogram.Counts.Sum());
        Figure(report, "net_profit", 390);
        Figure(report, "deposits_withdrawals", 4_000);
        Figure(report, "initial_balance", 10_000);
        Figure(report, "final_balance", 14_390);
        Figure(report, "total_trades", 3);
        Figure(report, "gross_loss", -310);
        Figure(report, "profit_factor", 700.0 / 310);
        Figure(report, "return_pct", ((1.05 * 15_390.0 / 15_500) - 1) * 100); // time-weighted: the deposit and withdrawal are not returns
    }

    [Fact]
    public void FromAccount_PeriodBeforeAnyTrade_HasNoTrades()
    {
        var report = PerformanceReports.FromAccount("demo", "USD", Ledger(), Ms(2024, 12, 1), Ms(2025, 1, 1));

        Assert.Empty(report.Trades);
        Assert.Equal([0, 10_000], report.Curve.Balance);
        Assert.Empty(report.Histogram.Counts);
    }

    [Fact]
    public void FromAccount_EmptyPeriod_Throws() =>
        Assert.Throws<ArgumentException>(() => PerformanceReports.FromAccount("demo", "USD", Ledger(), Ms(2025, 1, 1), Ms(2025, 1, 1)));

    private static void Figure(PerformanceReport report, string key, double expected) =>
        Assert.Equal(expected, report.Summary.Single(f => f.Key == key).Number!.Value, 1e-9);

    private static long Ms(int year, int month, int day) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
