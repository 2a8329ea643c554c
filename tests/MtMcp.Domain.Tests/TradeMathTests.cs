using MtMcp.Testing;

namespace MtMcp.Domain.Tests;

/// <summary>The worked examples of the MT5 reference (§6), one lot unless stated.</summary>
public sealed class TradeMathTests
{
    private static readonly SymbolCatalog s_catalog = SymbolCatalog.BuiltIn;

    private static CurrencyConverter Converter(FixedQuotes quotes) => new(s_catalog, quotes);

    private static FixedQuotes ReferenceQuotes() => new FixedQuotes()
        .Set("EURUSD", 1.10)
        .Set("USDJPY", 150)
        .Set("GBPUSD", 1.27)
        .Set("EURGBP", 1.10 / 1.27);

    [Theory]
    [InlineData("EURUSD", "USD", 1.00, 10.00)]
    [InlineData("EURUSD", "EUR", 1 / 1.10, 10 / 1.10)]
    [InlineData("USDJPY", "USD", 100 / 150.0, 1000 / 150.0)]
    [InlineData("EURGBP", "USD", 1.27, 12.70)]
    public void TickAndPipValue_MatchTheReferenceExamples(string symbol, string account, double tickValue, double pipValue)
    {
        var spec = s_catalog.Get(symbol);
        var converter = Converter(ReferenceQuotes());

        Assert.Equal(tickValue, TradeMath.TickValue(spec, account, converter), 12);
        Assert.Equal(pipValue, TradeMath.PipValue(spec, account, converter), 12);
    }

    [Fact]
    public void Profit_EurusdHalfLot250Ticks_Is125Usd()
    {
        var spec = s_catalog.Get("EURUSD");
        var profit = TradeMath.ProfitInAccountCurrency(spec, PositionType.Buy, 0.5, 1.10000, 1.10250, "USD", Converter(ReferenceQuotes()));

        Assert.Equal(125.00, profit, 9);
        Assert.Equal(125.00m, CurrencyDigits.Round(profit, 2));
    }

    [Fact]
    public void Profit_OfASell_UsesOpenMinusClose()
    {
        var spec = s_catalog.Get("EURUSD");
        Assert.Equal(-125.00, TradeMath.Profit(spec, PositionType.Sell, 0.5, 1.10000, 1.10250), 9);
    }

    [Fact]
    public void Margin_EurusdOneLotAt100ToOne_Is1100Usd()
    {
        var spec = s_catalog.Get("EURUSD");
        var converter = Converter(ReferenceQuotes());

        Assert.Equal(1000.0, TradeMath.Margin(spec, PositionType.Buy, 1, 1.10000, 100), 9);
        Assert.Equal(1100.0, TradeMath.MarginInAccountCurrency(spec, PositionType.Buy, 1, 1.10000, 100, "USD", converter), 9);
    }

    [Fact]
    public void Margin_AtTheEsmaCapOfThirty_Is3666Usd()
    {
        var spec = s_catalog.Get("EURUSD");
        var margin = TradeMath.MarginInAccountCurrency(spec, PositionType.Buy, 1, 1.10000, 30, "USD", Converter(ReferenceQuotes()));

        Assert.Equal(3666.67m, CurrencyDigits.Round(margin, 2));
        Assert.Equal(30, spec.AssetClass.MaxRetailLeverage());
    }

    [Theory]
    [InlineData(SymbolCalcMode.Forex, 1000.0)]                  // 1 × 100 000 / 100
    [InlineData(SymbolCalcMode.ForexNoLeverage, 100_000.0)]     // 1 × 100 000
    [InlineData(SymbolCalcMode.Cfd, 110_000.0)]                 // 1 × 100 000 × 1.1
    [InlineData(SymbolCalcMode.CfdLeverage, 1100.0)]            // 1 × 100 000 × 1.1 / 100
    [InlineData(SymbolCalcMode.CfdIndex, 110_000.0 * 2 / 0.00001)] // × TickPrice / TickSize
    public void Margin_FollowsTheFormulaOfEachCalcMode(SymbolCalcMode mode, double expected)
    {
        var spec = s_catalog.Get("EURUSD") with { CalcMode = mode, TickPrice = 2 };
        Assert.Equal(expected, TradeMath.Margin(spec, PositionType.Buy, 1, 1.1, 100), 6);
    }

    [Fact]
    public void Margin_FuturesWithInitialMarginAndRate_IsLotsTimesInitialTimesRate()
    {
        var spec = s_catalog.Get("US500") with
        {
            CalcMode = SymbolCalcMode.Futures,
            MarginInitial = 12_000,
            TickPrice = 12.5,
            TickSize = 0.25,
            MarginRates = new MarginRates(1.5, 1.2, 1, 1),
        };

        Assert.Equal(2 * 12_000 * 1.5, TradeMath.Margin(spec, PositionType.Buy, 2, 5000, 100), 9);
        Assert.Equal(2 * 12_000 * 1.2, TradeMath.Margin(spec, PositionType.Sell, 2, 5000, 100), 9);
        // Futures profit: ticks moved × tick price × lots = (5001 − 5000) / 0.25 × 12.5 × 2.
        Assert.Equal(100.0, TradeMath.Profit(spec, PositionType.Buy, 2, 5000, 5001), 9);
        Assert.Equal(12.5, TradeMath.TickValueInProfitCurrency(spec));
    }

    [Fact]
    public void Margin_GoldOnEurAccount_ConvertsUsdThroughEurusd()
    {
        var spec = s_catalog.Get("XAUUSD");
        var converter = Converter(ReferenceQuotes());

        // 1 lot × 100 oz × 2 000 / 100 = 2 000 USD = 2 000 / 1.10 EUR.
        Assert.Equal(2000 / 1.10, TradeMath.MarginInAccountCurrency(spec, PositionType.Buy, 1, 2000, 100, "EUR", converter), 9);
    }

    [Fact]
    public void Profit_Ger40OnUsdAccount_ConvertsEurThroughEurusd()
    {
        var spec = s_catalog.Get("GER40");
        var converter = Converter(ReferenceQuotes());

        // 2 lots × 1 × (18 050 − 18 000) = 100 EUR = 110 USD.
        Assert.Equal(110.0, TradeMath.ProfitInAccountCurrency(spec, PositionType.Buy, 2, 18_000, 18_050, "USD", converter), 9);
    }

    [Fact]
    public void TickValue_LossSideIsLargerThanProfitSide_WhenTheConversionPairHasASpread()
    {
        var spec = s_catalog.Get("USDJPY");
        var converter = Converter(new FixedQuotes().Set("USDJPY", 149.99, 150.01));

        var profitSide = TradeMath.TickValue(spec, "USD", converter, ConversionSide.Receive);
        var lossSide = TradeMath.TickValue(spec, "USD", converter, ConversionSide.Pay);

        Assert.Equal(100 / 150.01, profitSide, 12);
        Assert.Equal(100 / 149.99, lossSide, 12);
    }

    [Fact]
    public void Rate_WithoutDirectPair_CrossesThroughUsd()
    {
        // The catalogue has no NZDCHF, so NZD → CHF goes NZDUSD then USDCHF.
        var converter = Converter(new FixedQuotes().Set("NZDUSD", 0.60).Set("USDCHF", 0.90));
        Assert.Equal(0.60 * 0.90, converter.Rate("NZD", "CHF", ConversionSide.Receive), 12);
        Assert.Equal(1 / (0.60 * 0.90), converter.Rate("CHF", "NZD", ConversionSide.Receive), 12);
    }

    [Fact]
    public void Rate_WithoutAnyPath_NamesBothCurrencies()
    {
        var converter = Converter(new FixedQuotes());
        var error = Assert.Throws<InvalidOperationException>(() => converter.Rate("USD", "XYZ", ConversionSide.Pay));
        Assert.Contains("XYZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_WithoutAQuote_NamesTheMissingSymbol()
    {
        var converter = Converter(new FixedQuotes());
        var error = Assert.Throws<InvalidOperationException>(() => converter.Rate("EUR", "USD", ConversionSide.Pay));
        Assert.Contains("EURUSD", error.Message, StringComparison.Ordinal);
    }
}
