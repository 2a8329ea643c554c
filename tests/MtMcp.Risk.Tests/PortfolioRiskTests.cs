namespace MtMcp.Risk.Tests;

/// <summary>The risk report of an account: exposures, stress, alerts, checked by hand.</summary>
public sealed class PortfolioRiskTests
{
    private static Harness Book()
    {
        // Long 1 lot EURUSD at 1.2 and short 0.5 lot USDJPY at 150 in a USD account.
        var h = new Harness();
        h.Open("EURUSD", OrderType.Buy, 1m);
        h.Open("USDJPY", OrderType.Sell, 0.5m);
        return h;
    }

    [Fact]
    public void Build_CurrencyExposure_PairIsLongBaseShortQuote()
    {
        // EURUSD long: EUR +100,000 × 1.2 = +120,000 USD, USD −120,000. USDJPY short 0.5: USD −50,000, JPY +7,500,000 = +50,000 USD.
        var report = PortfolioRisk.Build(Book().Account, new ReturnSeriesTable(), new RiskReportOptions());

        var currencies = report.Currencies.ToDictionary(c => c.Currency, c => c.Amount);
        Assert.Equal(-170_000, currencies["USD"], 6);
        Assert.Equal(120_000, currencies["EUR"], 6);
        Assert.Equal(50_000, currencies["JPY"], 6);
        Assert.Equal(17, report.Leverage, 9); // 170,000 / 10,000
        var majors = Assert.Single(report.AssetClasses);
        Assert.Equal((EsmaAssetClass.MajorCurrencyPair, 170_000.0, 70_000.0), (majors.AssetClass, Math.Round(majors.Gross, 6), Math.Round(majors.Net, 6)));
    }

    [Fact]
    public void Build_StressUsdPlus3Percent_MatchesRevaluingEachPosition()
    {
        // Directly: EURUSD to 1.2 / 1.03 loses 100,000 × (1.2 − 1.2/1.03); USDJPY to 154.5 loses 50,000 × 4.5 JPY / 154.5.
        var expected = (100_000 * ((1.2 / 1.03) - 1.2)) - (50_000 * 4.5 / 154.5);
        var scenario = new StressScenario("USD +3%", new Dictionary<string, double> { ["USD"] = 0.03 });

        var report = PortfolioRisk.Build(Book().Account, new ReturnSeriesTable(), new RiskReportOptions { Scenarios = [scenario] });

        Assert.Equal(expected, Assert.Single(report.Stress).ProfitLoss, 6);
    }

    [Fact]
    public void Build_SymbolShock_MovesItsNotional()
    {
        var scenario = new StressScenario("EURUSD −2%", new Dictionary<string, double>(), new Dictionary<string, double> { ["EURUSD"] = -0.02 });

        var report = PortfolioRisk.Build(Book().Account, new ReturnSeriesTable(), new RiskReportOptions { Scenarios = [scenario] });

        Assert.Equal(-2_400, Assert.Single(report.Stress).ProfitLoss, 6);
    }

    [Fact]
    public void Build_Var_UsesSignedNotionalsAndTheReturnTable()
    {
        double[] eur = [0.01, -0.02, 0.015, -0.005, 0.002];
        double[] jpy = [0.003, 0.001, -0.004, 0.002, -0.001];
        var returns = new ReturnSeriesTable().Set("EURUSD", eur).Set("USDJPY", jpy);

        var report = PortfolioRisk.Build(Book().Account, returns, new RiskReportOptions { Confidence = 0.99 });

        var expected = PortfolioRisk.ValueAtRisk([120_000, -50_000], [eur, jpy], new RiskReportOptions { Confidence = 0.99 });
        Assert.Equal(expected.ParametricVar, report.Var.ParametricVar, 9);
        Assert.Equal(["EURUSD", "USDJPY"], report.CorrelationSymbols);
        Assert.Equal(RiskMath.Correlation(eur, jpy), report.Correlation[1], 12);
        Assert.Equal(RiskMath.EwmaVolatility(eur), report.Symbols.Single(s => s.Symbol == "EURUSD").EwmaVolatility, 15);
    }

    [Fact]
    public void Build_Alerts_At80And100Percent()
    {
        // 2 positions of max 2 → breach; largest notional 120,000 of 1400 % × 10,000 = 140,000 → 0.857 warning;
        // ESMA margin 170,000 / 30 = 5,667 of equity 10,000 → 0.57, no alert.
        var limits = Harness.Open() with { MaxOpenPositions = 2, PositionSizePercent = 1400, Profile = ComplianceProfile.EuRetail, Leverage = LeverageCaps.EuRetail };

        var report = PortfolioRisk.Build(Book().Account, new ReturnSeriesTable(), new RiskReportOptions(), limits);

        var alerts = report.Alerts.ToDictionary(a => a.Limit);
        Assert.Equal(2, alerts.Count);
        Assert.Equal(RiskAlertLevel.Breach, alerts[RiskChecks.MaxOpenPositions].Level);
        Assert.Equal(RiskAlertLevel.Warning, alerts[RiskChecks.MaxPositionSize].Level);
        Assert.Equal(120_000.0 / 140_000, alerts[RiskChecks.MaxPositionSize].Utilisation, 9);
    }

    [Fact]
    public void Build_Alerts_FromTheGatesLossStatus()
    {
        var h = Book();
        var limits = Harness.Open() with { MaxDailyLossPercent = 5 };
        var gate = new PreTradeGate(RiskConfiguration.Create(limits));
        gate.Status(h.Account);
        h.Quote("EURUSD", 1.1959); // −410 on 10,000 = 4.1 % of the 5 % limit

        var report = PortfolioRisk.Build(h.Account, new ReturnSeriesTable(), new RiskReportOptions(), limits, gate.Status(h.Account));

        var alert = Assert.Single(report.Alerts);
        Assert.Equal((RiskChecks.DailyLossLimit, RiskAlertLevel.Warning), (alert.Limit, alert.Level));
        Assert.Equal(4.1, alert.Value, 6);
    }
}
