using static MtMcp.Engine.Tests.Accounting.Market;

namespace MtMcp.Engine.Tests.Accounting;

/// <summary>
/// Margin per mt5.md §5 (calc modes) and §7 (hedged margin), hand-calculated at leverage 1:100 from the fixed
/// quotes in <see cref="Market"/>: buys at the ask, sells at the bid, margin converted at the pay-side rate
/// (EUR→USD at the EURUSD ask 1.10010, USD→EUR at 1 / EURUSD bid 1.10000).
/// </summary>
public sealed class MarginCalculatorTests
{
    private const int Leverage = 100;

    private static double Margin(SymbolSpec spec, string account, params Position[] positions) =>
        MarginCalculator.SymbolMargin(spec, positions, Leverage, account, Converter(), QuoteOf(spec.Name));

    private static double Margin(string symbol, string account, params Position[] positions) => Margin(Spec(symbol), account, positions);

    [Theory]
    // EURUSD FOREX: 1 × 100 000 / 100 = 1 000 EUR; × 1.10010 = 1 100.10 USD; in EUR 1 000.
    [InlineData("EURUSD", PositionType.Buy, 1.0, "USD", 1000 * 1.10010)]
    [InlineData("EURUSD", PositionType.Sell, 1.0, "USD", 1000 * 1.10010)]
    [InlineData("EURUSD", PositionType.Buy, 1.0, "EUR", 1000.0)]
    // USDJPY FOREX: 1 000 USD; in EUR 1 000 / 1.10000.
    [InlineData("USDJPY", PositionType.Buy, 1.0, "USD", 1000.0)]
    [InlineData("USDJPY", PositionType.Sell, 1.0, "EUR", 1000 / 1.10000)]
    // EURGBP FOREX: margin currency EUR: 1 000 EUR.
    [InlineData("EURGBP", PositionType.Buy, 1.0, "USD", 1000 * 1.10010)]
    [InlineData("EURGBP", PositionType.Sell, 1.0, "EUR", 1000.0)]
    // XAUUSD CFDLEVERAGE: 1 × 100 × 2 300.25 (ask) / 100 = 2 300.25 USD; sell at bid 2 300.00 → 2 300 USD.
    [InlineData("XAUUSD", PositionType.Buy, 1.0, "USD", 2300.25)]
    [InlineData("XAUUSD", PositionType.Sell, 1.0, "EUR", 2300.00 / 1.10000)]
    // US500 CFDLEVERAGE: 10 × 1 × 5 000.50 / 100 = 500.05 USD.
    [InlineData("US500", PositionType.Buy, 10.0, "USD", 500.05)]
    [InlineData("US500", PositionType.Sell, 10.0, "EUR", 10 * 5000.00 / 100 / 1.10000)]
    // GER40 CFDLEVERAGE in EUR: 10 × 18 000.00 (bid) / 100 = 1 800 EUR.
    [InlineData("GER40", PositionType.Sell, 10.0, "EUR", 1800.0)]
    [InlineData("GER40", PositionType.Buy, 10.0, "USD", 10 * 18001.20 / 100 * 1.10010)]
    // BTCUSD CFDLEVERAGE: 0.5 × 1 × 60 025 / 100 = 300.125 USD.
    [InlineData("BTCUSD", PositionType.Buy, 0.5, "USD", 300.125)]
    [InlineData("BTCUSD", PositionType.Sell, 0.5, "EUR", 0.5 * 60000.00 / 100 / 1.10000)]
    public void SymbolMargin_OnePosition_MatchesTheCalcModeFormula(string symbol, PositionType side, double lots, string account, double expected)
    {
        var position = Position(symbol, side, (decimal)lots, side == PositionType.Buy ? QuoteOf(symbol).Ask : QuoteOf(symbol).Bid);

        Assert.Equal(expected, Margin(symbol, account, position), 8);
    }

    [Fact]
    public void SymbolMargin_CatalogueIndexAndCryptoCfds_AreLeveragedCfds()
    {
        // The hand calculations above assume these calc modes: pin them so a catalogue change shows up here.
        Assert.Equal(SymbolCalcMode.CfdLeverage, Spec("US500").CalcMode);
        Assert.Equal(SymbolCalcMode.CfdLeverage, Spec("GER40").CalcMode);
        Assert.Equal(SymbolCalcMode.CfdLeverage, Spec("BTCUSD").CalcMode);
        Assert.Equal(SymbolCalcMode.CfdLeverage, Spec("XAUUSD").CalcMode);
        Assert.Equal(SymbolCalcMode.Forex, Spec("EURGBP").CalcMode);
    }

    [Fact]
    public void SymbolMargin_ReferenceExample_Is1100Usd()
    {
        // mt5.md §6: EURUSD, USD account, 1:100, 1 lot, ask 1.10000 → 1 000 EUR × 1.10 = 1 100 USD.
        var quotes = new MtMcp.Testing.FixedQuotes().Set("EURUSD", 1.10000);
        var converter = new CurrencyConverter(Catalog, quotes);
        var position = Position("EURUSD", PositionType.Buy, 1m, 1.10000);

        var margin = MarginCalculator.SymbolMargin(Spec("EURUSD"), [position], 100, "USD", converter, new Quote(1.10000, 1.10000, 0));

        Assert.Equal(1100.0, margin, 9);
    }

    [Fact]
    public void SymbolMargin_UsesTheCurrentPriceNotTheOpenPrice()
    {
        // Non-hedged margin follows the market: an XAUUSD buy opened at 1 800 still needs 1 × 100 × 2 300.25 / 100.
        Assert.Equal(2300.25, Margin("XAUUSD", "USD", Position("XAUUSD", PositionType.Buy, 1m, 1800.00)), 9);
    }

    [Fact]
    public void SymbolMargin_NoPositions_IsZero() => Assert.Equal(0.0, Margin("EURUSD", "USD"));

    [Fact]
    public void SymbolMargin_SeveralSameSidePositions_AddTheirVolumes()
    {
        // 0.3 + 0.7 lots EURUSD buy = 1 lot: 1 000 EUR × 1.10010.
        var margin = Margin("EURUSD", "USD",
            Position("EURUSD", PositionType.Buy, 0.3m, 1.09), Position("EURUSD", PositionType.Buy, 0.7m, 1.11));

        Assert.Equal(1100.10, margin, 9);
    }

    [Fact]
    public void SymbolMargin_PositionOfAnotherSymbol_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Margin("EURUSD", "USD", Position("GBPUSD", PositionType.Buy, 1m, 1.27)));
        Assert.Contains("GBPUSD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // 2 lots, contract 100, price 50.00 (sells at bid 49.90); leverage 100; MarginInitial 0 unless stated.
    [InlineData(SymbolCalcMode.Forex, PositionType.Buy, 2 * 100 / 100.0)]
    [InlineData(SymbolCalcMode.ForexNoLeverage, PositionType.Buy, 2 * 100.0)]
    [InlineData(SymbolCalcMode.Cfd, PositionType.Buy, 2 * 100 * 50.00)]
    [InlineData(SymbolCalcMode.Cfd, PositionType.Sell, 2 * 100 * 49.90)]
    // CFDINDEX: lots × contract × price × TickPrice / TickSize = 2 × 100 × 50 × 0.5 / 0.01.
    [InlineData(SymbolCalcMode.CfdIndex, PositionType.Buy, 2 * 100 * 50.00 * 0.5 / 0.01)]
    [InlineData(SymbolCalcMode.CfdLeverage, PositionType.Sell, 2 * 100 * 49.90 / 100)]
    [InlineData(SymbolCalcMode.ExchStocks, PositionType.Buy, 2 * 100 * 50.00)]
    public void SymbolMargin_EveryCalcMode_MatchesItsFormula(SymbolCalcMode mode, PositionType side, double expected)
    {
        var spec = UsdCfd() with { CalcMode = mode, TickPrice = 0.5 };
        var quote = new Quote(49.90, 50.00, 0);

        var margin = MarginCalculator.SymbolMargin(spec, [Position(spec.Name, side, 2m, 45.0)], Leverage, "USD", Converter(), quote);

        Assert.Equal(expected, margin, 6);
    }

    [Theory]
    [InlineData(SymbolCalcMode.Futures)]
    [InlineData(SymbolCalcMode.ExchFutures)]
    [InlineData(SymbolCalcMode.Cfd)]
    public void SymbolMargin_FixedInitialMargin_ReplacesTheFormula(SymbolCalcMode mode)
    {
        // SYMBOL_MARGIN_INITIAL 1 250 per lot: 2 lots = 2 500 USD whatever the price or calc mode.
        var spec = UsdCfd() with { CalcMode = mode, TickPrice = 12.5, MarginInitial = 1250 };

        var margin = MarginCalculator.SymbolMargin(spec, [Position(spec.Name, PositionType.Sell, 2m, 45.0)], Leverage, "USD", Converter(), new Quote(49.9, 50, 0));

        Assert.Equal(2500.0, margin, 9);
    }

    [Fact]
    public void SymbolMargin_MarginRates_ApplyPerDirection()
    {
        // EURUSD with initial rates 0.5 long, 2 short: 1 000 EUR × 0.5 = 500 EUR; × 2 = 2 000 EUR (EUR account).
        var spec = Spec("EURUSD") with { MarginRates = new MarginRates(0.5, 2, 1, 1) };

        Assert.Equal(500.0, Margin(spec, "EUR", Position("EURUSD", PositionType.Buy, 1m, 1.1)), 9);
        Assert.Equal(2000.0, Margin(spec, "EUR", Position("EURUSD", PositionType.Sell, 1m, 1.1)), 9);
    }

    [Fact]
    public void SymbolMargin_HedgedBasicWithHedgedContractSize_ChargesUncoveredPlusHedged()
    {
        // EURUSD buy 1.5, sell 1.0, MARGIN_HEDGED 50 000 (used as the contract size, MARGIN_INITIAL = 0):
        // uncovered 0.5 × 100 000 / 100 = 500 EUR; hedged 1.0 × 50 000 / 100 = 500 EUR; 1 000 EUR × 1.10010 USD.
        var spec = Spec("EURUSD") with { MarginHedged = 50_000 };

        var margin = Margin(spec, "USD",
            Position("EURUSD", PositionType.Buy, 1.5m, 1.09), Position("EURUSD", PositionType.Sell, 1.0m, 1.12));

        Assert.Equal(1000 * 1.10010, margin, 9);
    }

    [Fact]
    public void SymbolMargin_HedgedBasicOnAPricedCfd_PricesBothPartsAsTheLargerLeg()
    {
        // XAUUSD sell 2, buy 1, MARGIN_HEDGED 50: the larger leg sells at the bid 2 300.00.
        // uncovered 1 × 100 × 2 300 / 100 = 2 300; hedged 1 × 50 × 2 300 / 100 = 1 150; 3 450 USD.
        var spec = Spec("XAUUSD") with { MarginHedged = 50 };

        var margin = Margin(spec, "USD",
            Position("XAUUSD", PositionType.Sell, 2m, 2310), Position("XAUUSD", PositionType.Buy, 1m, 2290));

        Assert.Equal(3450.0, margin, 9);
    }

    [Fact]
    public void SymbolMargin_HedgedWithFixedInitialMargin_ChargesHedgedMarginPerLot()
    {
        // MARGIN_INITIAL 1 000, MARGIN_HEDGED 200 (money per hedged lot): buy 3, sell 1 →
        // uncovered 2 × 1 000 + hedged 1 × 200 = 2 200 USD.
        var spec = UsdCfd() with { CalcMode = SymbolCalcMode.Futures, TickPrice = 12.5, MarginInitial = 1000, MarginHedged = 200 };
        Position[] positions = [Position(spec.Name, PositionType.Buy, 3m, 50), Position(spec.Name, PositionType.Sell, 1m, 50)];

        var margin = MarginCalculator.SymbolMargin(spec, positions, Leverage, "USD", Converter(), new Quote(49.9, 50, 0));

        Assert.Equal(2200.0, margin, 9);
    }

    [Fact]
    public void SymbolMargin_FullyLockedWithZeroHedgedMargin_IsZero()
    {
        // The built-in EURUSD has MARGIN_HEDGED 0: 1 lot against 1 lot needs nothing; 1.2 against 1 needs 0.2 lot.
        Assert.Equal(0.0, Spec("EURUSD").MarginHedged);
        Assert.Equal(0.0, Margin("EURUSD", "USD",
            Position("EURUSD", PositionType.Buy, 1m, 1.1), Position("EURUSD", PositionType.Sell, 1m, 1.1)));
        Assert.Equal(0.2 * 100_000 / 100 * 1.10010, Margin("EURUSD", "USD",
            Position("EURUSD", PositionType.Buy, 1m, 1.1), Position("EURUSD", PositionType.Sell, 1.2m, 1.1)), 9);
    }

    [Fact]
    public void SymbolMargin_LargestLeg_IsTheLargerLegAtItsWeightedOpenPrice()
    {
        // XAUUSD with MARGIN_HEDGED_USE_LEG: buys 1 @ 2 000 and 1 @ 2 100 (average 2 050): 2 × 100 × 2 050 / 100 = 4 100;
        // sells 3 @ 1 900: 3 × 100 × 1 900 / 100 = 5 700. Margin = max = 5 700 USD; in EUR 5 700 / 1.10000.
        var spec = Spec("XAUUSD") with { MarginHedgedUseLeg = true, MarginHedged = 50 };
        Position[] positions =
        [
            Position("XAUUSD", PositionType.Buy, 1m, 2000),
            Position("XAUUSD", PositionType.Sell, 3m, 1900),
            Position("XAUUSD", PositionType.Buy, 1m, 2100),
        ];

        Assert.Equal(5700.0, Margin(spec, "USD", positions), 9);
        Assert.Equal(5700 / 1.10000, Margin(spec, "EUR", positions), 9);
    }

    [Fact]
    public void SymbolMargin_LargestLegWhenTheBuyLegIsLarger_UsesTheBuyLeg()
    {
        // Buys 2 @ 2 200 → 4 400; sell 1 @ 2 400 → 2 400. Margin 4 400 USD.
        var spec = Spec("XAUUSD") with { MarginHedgedUseLeg = true };

        var margin = Margin(spec, "USD", Position("XAUUSD", PositionType.Buy, 2m, 2200), Position("XAUUSD", PositionType.Sell, 1m, 2400));

        Assert.Equal(4400.0, margin, 9);
    }

    [Fact]
    public void OrderMargin_EqualsTheMarginOfTheSamePositionAlone()
    {
        // GER40 buy 2 at the ask 18 001.20: 2 × 18 001.20 / 100 = 360.024 EUR × 1.10010 USD.
        var spec = Spec("GER40");

        var margin = MarginCalculator.OrderMargin(spec, PositionType.Buy, 2m, Leverage, "USD", Converter(), QuoteOf("GER40"));

        Assert.Equal(2 * 18001.20 / 100 * 1.10010, margin, 9);
    }

    // A USD-priced test contract of 100 units with a 0.01 tick, for the calc modes the catalogue does not use.
    private static SymbolSpec UsdCfd() => Spec("XAUUSD") with { Name = "TESTCFD", CurrencyBase = "USD", ContractSize = 100 };
}
