namespace MtMcp.Domain.Tests;

/// <summary>The pieces that read a broker's own symbol specification: session clocks and the ESMA category.</summary>
public sealed class BrokerSpecificationTests
{
    [Fact]
    public void Shift_TwoHoursBack_SessionAfterMidnightMovesToThePreviousEveningAndSplits()
    {
        // Broker clock UTC+2: Monday 00:00-03:00 there is Sunday 22:00-24:00 and Monday 00:00-01:00 in UTC.
        var utc = TradingSession.Shift([new TradingSession(DayOfWeek.Monday, 0, 180)], TimeSpan.FromHours(-2));

        Assert.Equal([new TradingSession(DayOfWeek.Sunday, 1320, 1440), new TradingSession(DayOfWeek.Monday, 0, 60)], utc);
    }

    [Fact]
    public void Shift_AcrossTheEndOfTheWeek_WrapsSaturdayIntoSunday()
    {
        var shifted = TradingSession.Shift([new TradingSession(DayOfWeek.Saturday, 1380, 1440)], TimeSpan.FromHours(2));

        Assert.Equal([new TradingSession(DayOfWeek.Sunday, 60, 120)], shifted);
    }

    [Fact]
    public void Shift_WholeDaysThatMeetAfterTheMove_JoinedIntoOneSessionPerDay()
    {
        // Monday and Tuesday all day on a UTC+5:30 clock: in UTC, Sunday from 18:30, Monday whole, Tuesday to 18:30.
        var utc = TradingSession.Shift(
            [new TradingSession(DayOfWeek.Monday, 0, 1440), new TradingSession(DayOfWeek.Tuesday, 0, 1440)], TimeSpan.FromMinutes(-330));

        Assert.Equal(
            [new TradingSession(DayOfWeek.Sunday, 1110, 1440), new TradingSession(DayOfWeek.Monday, 0, 1440), new TradingSession(DayOfWeek.Tuesday, 0, 1110)],
            utc);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(-300)]
    [InlineData(330)]
    [InlineData(0)]
    public void Shift_ThereAndBack_EveryCatalogueSessionUnchanged(int offsetMinutes)
    {
        foreach (var spec in SymbolCatalog.BuiltIn)
        {
            var there = TradingSession.Shift(spec.TradeSessions, TimeSpan.FromMinutes(offsetMinutes));
            Assert.Equal(spec.TradeSessions, TradingSession.Shift(there, TimeSpan.FromMinutes(-offsetMinutes)));
        }
    }

    [Fact]
    public void Infer_EveryCatalogueSymbol_AgreesWithTheCatalogueExceptMajorIndicesCountedMinor()
    {
        foreach (var spec in SymbolCatalog.BuiltIn)
        {
            var inferred = EsmaLeverage.Infer(spec.CalcMode, spec.CurrencyBase, spec.CurrencyProfit, spec.Path);
            var expected = spec.AssetClass == EsmaAssetClass.MajorIndex ? EsmaAssetClass.MinorIndex : spec.AssetClass;
            Assert.True(expected == inferred, $"{spec.Name}: inferred {inferred}, catalogue {spec.AssetClass}");
        }
    }

    [Theory]
    [InlineData(SymbolCalcMode.Forex, "EUR", "USD", @"Forex\Majors", EsmaAssetClass.MajorCurrencyPair)]
    [InlineData(SymbolCalcMode.Forex, "USD", "ZAR", @"Forex\Exotics", EsmaAssetClass.NonMajorCurrencyPair)]
    [InlineData(SymbolCalcMode.Forex, "XAU", "EUR", @"Metals", EsmaAssetClass.Gold)]
    [InlineData(SymbolCalcMode.Cfd, "XPT", "USD", @"Metals", EsmaAssetClass.Commodity)]
    [InlineData(SymbolCalcMode.Cfd, "BTC", "USD", @"Digital", EsmaAssetClass.Crypto)]
    [InlineData(SymbolCalcMode.Cfd, "USD", "USD", @"Crypto\Alt", EsmaAssetClass.Crypto)]
    [InlineData(SymbolCalcMode.ExchStocks, "USD", "USD", @"NASDAQ", EsmaAssetClass.Equity)]
    [InlineData(SymbolCalcMode.Cfd, "USD", "USD", @"Shares\US", EsmaAssetClass.Equity)]
    [InlineData(SymbolCalcMode.CfdIndex, "EUR", "EUR", @"Cash", EsmaAssetClass.MinorIndex)]
    [InlineData(SymbolCalcMode.Cfd, "USD", "USD", @"Energies\Spot", EsmaAssetClass.Commodity)]
    [InlineData(SymbolCalcMode.Cfd, "USD", "USD", @"Other", EsmaAssetClass.Equity)]
    public void Infer_BrokerSymbol_CategoryOrTheStricterWhenUnclear(SymbolCalcMode mode, string baseCurrency, string profit, string path, EsmaAssetClass expected) =>
        Assert.Equal(expected, EsmaLeverage.Infer(mode, baseCurrency, profit, path));
}
