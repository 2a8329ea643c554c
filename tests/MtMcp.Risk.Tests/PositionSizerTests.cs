namespace MtMcp.Risk.Tests;

/// <summary>Position sizing against hand calculations (risk.md §3).</summary>
public sealed class PositionSizerTests
{
    private static TradingAccount Account(CommissionSchedule? commission = null, Action<QuoteBoard, Func<string, int>>? quotes = null)
    {
        var h = new Harness();
        quotes?.Invoke(h.Board, h.Id);
        return new TradingAccount("sizing", h.Account.Settings with { Commission = commission ?? CommissionSchedule.None }, h.Board, 10_000m, Harness.T0);
    }

    [Fact]
    public void FixedFractional_WorkedExample_IncludesCommission_RoundsDown()
    {
        // risk.md: 1 % of 10,000 = 100 USD; 200 ticks × 1 USD + 7 USD round turn = 207 USD per lot → 0.483 → 0.48.
        var sizer = new PositionSizer(Account(new CommissionSchedule(PerLot: 3.5m)));

        var result = sizer.FixedFractional("EURUSD", 1, entry: 1.2, stopLoss: 1.198);

        Assert.Equal(0.48m, result.Volume);
        Assert.Null(result.Problem);
        Assert.Equal(100, result.RiskMoney, 9);
        Assert.Equal(200, result.StopTicks, 6);
        Assert.Equal(1, result.TickValueLoss, 12);
        Assert.Equal(7, result.CommissionPerLot, 12);
        Assert.Equal(207, result.LossPerLot, 6);
        Assert.Equal(100 / 207.0, result.RawVolume, 9);
    }

    [Fact]
    public void FixedFractional_UsesTheLossSideTickValue()
    {
        // USDJPY bid 149.9 / ask 150.1: a loss of 100 JPY per tick-lot converts at 1/149.9 = 0.66711 USD (the receive side
        // would be 1/150.1). 1 % = 100 USD; 500 ticks → 333.56 USD per lot → 0.2998 → 0.29 (0.30 on the receive side).
        var sizer = new PositionSizer(Account(quotes: (board, id) => board.Update(id("USDJPY"), 149.9, 150.1, Harness.T0)));

        var result = sizer.FixedFractional("USDJPY", 1, entry: 150.1, stopLoss: 149.6);

        Assert.Equal(100 / 149.9, result.TickValueLoss, 12);
        Assert.Equal(0.29m, result.Volume);
    }

    [Fact]
    public void FixedFractional_StopTooWide_ReportsTheProblem()
    {
        // 0.01 % = 1 USD over 200 USD per lot = 0.005 lots, below the 0.01 minimum.
        var result = new PositionSizer(Account()).FixedFractional("EURUSD", 0.01, 1.2, 1.198);

        Assert.Equal(0m, result.Volume);
        Assert.Contains("too wide", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedFractional_Huge_IsCappedAtTheSymbolMaximum()
    {
        var spec = SymbolCatalog.BuiltIn.Get("EURUSD");

        var result = new PositionSizer(Account()).FixedFractional("EURUSD", 100, 1.2, 1.19999);

        Assert.Equal(spec.VolumeMax, result.Volume);
        Assert.True(result.Capped);
    }

    [Fact]
    public void FixedFractional_GivenEquity_IsUsedInsteadOfTheAccounts()
    {
        var result = new PositionSizer(Account()).FixedFractional("EURUSD", 1, 1.2, 1.198, equity: 50_000);

        Assert.Equal(2.5m, result.Volume); // 500 / 200
    }

    [Fact]
    public void FixedFractional_BadInput_Throws()
    {
        var sizer = new PositionSizer(Account());

        Assert.Throws<ArgumentException>(() => sizer.FixedFractional("EURUSD", 1, 1.2, 1.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => sizer.FixedFractional("EURUSD", 0, 1.2, 1.19));
        Assert.Throws<ArgumentException>(() => sizer.FixedFractional("NOPE", 1, 1.2, 1.19));
    }

    [Fact]
    public void AverageTrueRange_MatchesWildersHandCalculation()
    {
        // TR = 1.5, 2, 2, 2; seed (1.5 + 2 + 2) / 3 = 1.8333; then (2 × 1.8333 + 2) / 3 = 1.8889.
        double[] high = [10, 11, 12, 13, 12];
        double[] low = [9, 10, 10, 11, 10];
        double[] close = [9.5, 10.5, 11.5, 12, 10.5];

        Assert.Equal(((2 * (5.5 / 3)) + 2) / 3, PositionSizer.AverageTrueRange(high, low, close, 3), 12);
        Assert.True(double.IsNaN(PositionSizer.AverageTrueRange(high, low, close, 5)));
    }

    [Fact]
    public void AtrBased_PutsTheStopAtTheMultipleThenSizesFixedFractional()
    {
        // ATR 0.001 × 2 = 200 ticks below 1.2 for a buy: 100 USD / 200 USD per lot = 0.5 lots.
        var result = new PositionSizer(Account()).AtrBased("EURUSD", isBuy: true, riskPercent: 1, entry: 1.2, atr: 0.001, atrMultiple: 2);

        Assert.Equal(200, result.StopTicks, 6);
        Assert.Equal(0.5m, result.Volume);
    }

    [Fact]
    public void FixedLots_RoundsDownToTheStep()
    {
        var sizer = new PositionSizer(Account());

        Assert.Equal(0.12m, sizer.FixedLots("EURUSD", 0.129m).Volume);
        Assert.NotNull(sizer.FixedLots("EURUSD", 0.001m).Problem);
    }

    [Fact]
    public void Kelly_FractionalAndCapped()
    {
        // p 0.55, b 1 → f* = 0.10; a quarter is 2.5 %, capped at 2 % = 200 USD over 200 ticks × 1 USD = 1 lot.
        var sizer = new PositionSizer(Account());

        Assert.Equal(0.10, PositionSizer.KellyFraction(0.55, 1), 12);
        Assert.Equal(1m, sizer.Kelly("EURUSD", 0.55, 1, 0.25, maxRiskPercent: 2, entry: 1.2, stopLoss: 1.198).Volume);
        Assert.Equal(1.25m, sizer.Kelly("EURUSD", 0.55, 1, 0.25, maxRiskPercent: 5, entry: 1.2, stopLoss: 1.198).Volume);
        var none = sizer.Kelly("EURUSD", 0.4, 1, 0.5, 2, 1.2, 1.198);
        Assert.Equal(0m, none.Volume);
        Assert.Contains("No edge", none.Problem, StringComparison.Ordinal);
    }
}
