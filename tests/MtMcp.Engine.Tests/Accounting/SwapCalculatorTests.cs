using static MtMcp.Engine.Tests.Accounting.Market;

namespace MtMcp.Engine.Tests.Accounting;

/// <summary>
/// Overnight swaps per mt5.md §8, hand-calculated from the catalogue's swap rates and the fixed quotes in
/// <see cref="Market"/>; credits convert at the receive side, charges at the pay side.
/// </summary>
public sealed class SwapCalculatorTests
{
    private static double Night(SymbolSpec spec, PositionType side, decimal lots, string account, double open = 0) =>
        SwapCalculator.SwapPerNight(spec, Position(spec.Name, side, lots, open), QuoteOf(spec.Name), account, Converter());

    [Theory]
    [InlineData(DayOfWeek.Monday, 1)]
    [InlineData(DayOfWeek.Tuesday, 1)]
    [InlineData(DayOfWeek.Wednesday, 3)]
    [InlineData(DayOfWeek.Thursday, 1)]
    [InlineData(DayOfWeek.Friday, 1)]
    [InlineData(DayOfWeek.Saturday, 0)]
    [InlineData(DayOfWeek.Sunday, 0)]
    public void RolloverMultiplier_Eurusd_TriplesOnWednesday(DayOfWeek day, int expected) =>
        Assert.Equal(expected, SwapCalculator.RolloverMultiplier(Spec("EURUSD"), day));

    [Theory]
    [InlineData(DayOfWeek.Wednesday, 1)]
    [InlineData(DayOfWeek.Friday, 3)]
    [InlineData(DayOfWeek.Saturday, 0)]
    public void RolloverMultiplier_GoldAndIndexCfds_TripleOnFriday(DayOfWeek day, int expected)
    {
        Assert.Equal(expected, SwapCalculator.RolloverMultiplier(Spec("XAUUSD"), day));
        Assert.Equal(expected, SwapCalculator.RolloverMultiplier(Spec("US500"), day));
    }

    [Fact]
    public void SwapPerNight_ReferenceExample_EurusdLongIsMinus650UsdAndTripleMinus1950()
    {
        // mt5.md §8: 1 × 100 000 × (−6.5) × 0.00001 = −6.50 USD per night; × 3 on Wednesday = −19.50 USD.
        var night = Night(Spec("EURUSD"), PositionType.Buy, 1m, "USD");
        var wednesday = night * SwapCalculator.RolloverMultiplier(Spec("EURUSD"), DayOfWeek.Wednesday);

        Assert.Equal(-6.50, night, 9);
        Assert.Equal(-19.50, wednesday, 9);
    }

    [Theory]
    // EURUSD short +1.2 points: 2 × 100 000 × 1.2 × 0.00001 = 2.40 USD; EUR account: credit at 1 / ask 1.10010.
    [InlineData("EURUSD", PositionType.Sell, 2.0, "USD", 2.40)]
    [InlineData("EURUSD", PositionType.Sell, 2.0, "EUR", 2.40 / 1.10010)]
    // EURUSD long −6.5 on an EUR account: charged at 1 / bid 1.10000.
    [InlineData("EURUSD", PositionType.Buy, 1.0, "EUR", -6.50 / 1.10000)]
    // USDJPY long +12.4 points: 1 × 100 000 × 12.4 × 0.001 = 1 240 JPY; credited at 1 / USDJPY ask 150.020.
    [InlineData("USDJPY", PositionType.Buy, 1.0, "USD", 1240 / 150.020)]
    // USDJPY short −25.8: −2 580 JPY; EUR account charged through EURJPY at 1 / bid 165.000.
    [InlineData("USDJPY", PositionType.Sell, 1.0, "EUR", -2580 / 165.000)]
    // EURGBP long −5.9 points: 1 × 100 000 × (−5.9) × 0.00001 = −5.90 GBP; USD account charged at GBPUSD ask 1.27015.
    [InlineData("EURGBP", PositionType.Buy, 1.0, "USD", -5.90 * 1.27015)]
    // XAUUSD long −45.2 points: 1 × 100 × (−45.2) × 0.01 = −45.20 USD.
    [InlineData("XAUUSD", PositionType.Buy, 1.0, "USD", -45.20)]
    // US500 short −0.2 points: 10 × 1 × (−0.2) × 0.01 = −0.02 USD.
    [InlineData("US500", PositionType.Sell, 10.0, "USD", -0.02)]
    // GER40 long −2.4 points: 10 × 1 × (−2.4) × 0.01 = −0.24 EUR; USD account at EURUSD ask.
    [InlineData("GER40", PositionType.Buy, 10.0, "USD", -0.24 * 1.10010)]
    public void SwapPerNight_Points_IsLotsTimesContractTimesSwapTimesPoint(string symbol, PositionType side, double lots, string account, double expected) =>
        Assert.Equal(expected, Night(Spec(symbol), side, (decimal)lots, account), 9);

    [Fact]
    public void SwapPerNight_PointsOnAFuturesContract_UseTheTickPrice()
    {
        // Tick 0.25 worth 5 USD: one point (0.01) is worth 5 × 0.01 / 0.25 = 0.20 USD per lot; −10 points × 2 lots = −4 USD.
        var spec = Spec("XAUUSD") with { CalcMode = SymbolCalcMode.Futures, TickSize = 0.25, TickPrice = 5, MarginInitial = 1000, SwapLong = -10 };

        Assert.Equal(-4.0, Night(spec, PositionType.Buy, 2m, "USD"), 9);
    }

    [Fact]
    public void SwapPerNight_CurrencySymbol_IsLotsTimesSwapInTheBaseCurrency()
    {
        // EURUSD, −3 EUR per lot long: 2 lots = −6 EUR → USD at the ask 1.10010.
        var spec = Spec("EURUSD") with { SwapMode = SymbolSwapMode.CurrencySymbol, SwapLong = -3 };

        Assert.Equal(-6 * 1.10010, Night(spec, PositionType.Buy, 2m, "USD"), 9);
        Assert.Equal(-6.0, Night(spec, PositionType.Buy, 2m, "EUR"), 9);
    }

    [Fact]
    public void SwapPerNight_CurrencyMargin_IsLotsTimesSwapInTheMarginCurrency()
    {
        // USDJPY (margin currency USD), +1.5 USD per lot short: 4 lots = 6 USD; EUR account credits 6 / 1.10010.
        var spec = Spec("USDJPY") with { SwapMode = SymbolSwapMode.CurrencyMargin, SwapShort = 1.5 };

        Assert.Equal(6.0, Night(spec, PositionType.Sell, 4m, "USD"), 9);
        Assert.Equal(6 / 1.10010, Night(spec, PositionType.Sell, 4m, "EUR"), 9);
    }

    [Fact]
    public void SwapPerNight_CurrencyDeposit_IsLotsTimesSwapWithoutConversion()
    {
        var spec = Spec("GER40") with { SwapMode = SymbolSwapMode.CurrencyDeposit, SwapLong = -4.5 };

        Assert.Equal(-9.0, Night(spec, PositionType.Buy, 2m, "USD"), 9);
        Assert.Equal(-9.0, Night(spec, PositionType.Buy, 2m, "EUR"), 9);
    }

    [Fact]
    public void SwapPerNight_InterestCurrent_IsAnnualPercentOfTheClosingPriceOver360Days()
    {
        // BTCUSD catalogue: long −20 %, short −12 % a year.
        // Long 0.5 at bid 60 000: 0.5 × 1 × 60 000 × (−20) / 100 / 360 = −16.666… USD.
        // Short 0.5 at ask 60 025: 0.5 × 60 025 × (−12) / 100 / 360 = −10.004166… USD; EUR account at 1 / 1.10000.
        var spec = Spec("BTCUSD");
        Assert.Equal(SymbolSwapMode.InterestCurrent, spec.SwapMode);

        Assert.Equal(0.5 * 60000 * -20 / 100 / 360, Night(spec, PositionType.Buy, 0.5m, "USD"), 9);
        Assert.Equal(0.5 * 60025 * -12 / 100 / 360 / 1.10000, Night(spec, PositionType.Sell, 0.5m, "EUR"), 9);
    }

    [Fact]
    public void SwapPerNight_InterestOpen_IsAnnualPercentOfTheOpenPrice()
    {
        // Opened at 50 000: 0.5 × 50 000 × (−20) / 100 / 360 = −13.888… USD.
        var spec = Spec("BTCUSD") with { SwapMode = SymbolSwapMode.InterestOpen };

        Assert.Equal(0.5 * 50000 * -20 / 100 / 360, Night(spec, PositionType.Buy, 0.5m, "USD", open: 50000), 9);
    }

    [Theory]
    [InlineData(SymbolSwapMode.Disabled)]
    [InlineData(SymbolSwapMode.ReopenCurrent)]
    [InlineData(SymbolSwapMode.ReopenBid)]
    public void SwapPerNight_DisabledAndReopenModes_AreZero(SymbolSwapMode mode)
    {
        var spec = Spec("EURUSD") with { SwapMode = mode, SwapLong = -6, SwapShort = 2 };

        Assert.Equal(0.0, Night(spec, PositionType.Buy, 1m, "USD"));
        Assert.Equal(0.0, Night(spec, PositionType.Sell, 1m, "USD"));
    }

    [Theory]
    // REOPEN_CURRENT: from the closing price (bid 1.10000 for a long, ask 1.10010 for a short).
    // Long, −6 points: reopened 6 points higher = 1.10006. Short, +2 points: reopened 2 points higher = 1.10012.
    [InlineData(SymbolSwapMode.ReopenCurrent, PositionType.Buy, 1.10006)]
    [InlineData(SymbolSwapMode.ReopenCurrent, PositionType.Sell, 1.10012)]
    // REOPEN_BID: from the bid for both sides.
    [InlineData(SymbolSwapMode.ReopenBid, PositionType.Buy, 1.10006)]
    [InlineData(SymbolSwapMode.ReopenBid, PositionType.Sell, 1.10002)]
    public void ReopenPrice_ShiftsTheBasePriceBySwapPointsAgainstANegativeSwap(SymbolSwapMode mode, PositionType side, double expected)
    {
        var spec = Spec("EURUSD") with { SwapMode = mode, SwapLong = -6, SwapShort = 2 };

        var price = SwapCalculator.ReopenPrice(spec, Position("EURUSD", side, 1m, 1.09), QuoteOf("EURUSD"));

        Assert.Equal(spec.ToTicks(expected), spec.ToTicks(price));
        Assert.Equal(price, spec.NormalizePrice(price));
    }

    [Fact]
    public void ReopenPrice_NotAReopenMode_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            SwapCalculator.ReopenPrice(Spec("EURUSD"), Position("EURUSD", PositionType.Buy, 1m, 1.1), QuoteOf("EURUSD")));
        Assert.Contains("Points", ex.Message, StringComparison.Ordinal);
    }
}
