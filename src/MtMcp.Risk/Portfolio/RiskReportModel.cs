namespace MtMcp.Risk;

/// <summary>What a risk report computes and how (<see cref="PortfolioRisk.Build"/>).</summary>
public sealed record RiskReportOptions
{
    /// <summary>VaR/ES confidence in (0.5, 1): 0.95, 0.975 or 0.99.</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Horizon in return periods (days for daily returns); figures scale by √h from one period.</summary>
    public double Horizon { get; init; } = 1;

    /// <summary>Monte Carlo scenarios (≥ 10,000 for 99 % tails).</summary>
    public int Simulations { get; init; } = 10_000;

    /// <summary>Seed of the Monte Carlo generator: the same seed gives the same figures.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>EWMA decay for the volatilities (0.94 daily, RiskMetrics).</summary>
    public double EwmaLambda { get; init; } = 0.94;

    /// <summary>Stress scenarios to apply to the positions.</summary>
    public IReadOnlyList<StressScenario> Scenarios { get; init; } = [];
}

/// <summary>A user-defined shock: currencies and symbols move by the given fractions at once.</summary>
/// <param name="Name">A label, e.g. "USD +3%".</param>
/// <param name="CurrencyShocks">Change of a currency's value against all unshocked currencies, as a fraction (USD +3 % = 0.03).</param>
/// <param name="SymbolShocks">Price change of a symbol as a fraction (US500 −10 % = −0.10), applied to its net notional.</param>
public sealed record StressScenario(string Name, IReadOnlyDictionary<string, double> CurrencyShocks, IReadOnlyDictionary<string, double>? SymbolShocks = null);

/// <summary>Net exposure to one currency in the account currency (a EURUSD long is long EUR, short USD).</summary>
public sealed record CurrencyExposure(string Currency, double Amount);

/// <summary>Exposure of one ESMA asset class: gross and net notional, its leverage cap and the margin that cap requires.</summary>
public sealed record AssetClassExposure(EsmaAssetClass AssetClass, double Gross, double Net, int LeverageCap, double RequiredMargin);

/// <summary>One symbol's position: net lots (long positive), signed notional in the account currency, EWMA volatility per period (NaN without returns).</summary>
public sealed record SymbolExposure(string Symbol, double NetLots, double Notional, double EwmaVolatility);

/// <summary>VaR and ES (losses positive, account currency) by three methods at one confidence and horizon.</summary>
public sealed record VarFigures
{
    /// <summary>Confidence.</summary>
    public required double Confidence { get; init; }

    /// <summary>Horizon in periods.</summary>
    public required double Horizon { get; init; }

    /// <summary>Return observations used (the aligned common tail of the series).</summary>
    public required int Observations { get; init; }

    /// <summary>Delta-normal VaR: z σ_P √h (zero mean).</summary>
    public required double ParametricVar { get; init; }

    /// <summary>Delta-normal ES: σ_P √h φ(z) / (1 − α).</summary>
    public required double ParametricEs { get; init; }

    /// <summary>Historical-simulation VaR (today's positions on each past period's returns, √h-scaled).</summary>
    public required double HistoricalVar { get; init; }

    /// <summary>Historical-simulation ES.</summary>
    public required double HistoricalEs { get; init; }

    /// <summary>Monte Carlo VaR from the sample covariance (normal, seeded).</summary>
    public required double MonteCarloVar { get; init; }

    /// <summary>Monte Carlo ES.</summary>
    public required double MonteCarloEs { get; init; }

    /// <summary>Monte Carlo scenarios drawn.</summary>
    public required int Simulations { get; init; }

    /// <summary>An empty result (no exposure or no return series).</summary>
    public static VarFigures None(double confidence, double horizon) => new()
    {
        Confidence = confidence, Horizon = horizon, Observations = 0, ParametricVar = 0, ParametricEs = 0,
        HistoricalVar = 0, HistoricalEs = 0, MonteCarloVar = 0, MonteCarloEs = 0, Simulations = 0,
    };
}

/// <summary>The result of a stress scenario: the P&amp;L of the positions, account currency.</summary>
public sealed record StressResult(string Scenario, double ProfitLoss);

/// <summary>How close a figure is to its limit.</summary>
public enum RiskAlertLevel
{
    /// <summary>At 80 % of the limit or more.</summary>
    Warning,

    /// <summary>At 100 % of the limit or more.</summary>
    Breach,
}

/// <summary>A limit at 80 % or 100 % of its value.</summary>
/// <param name="Limit">The limit's reason code (<see cref="RiskChecks"/>).</param>
/// <param name="Value">The figure now.</param>
/// <param name="Threshold">The limit.</param>
/// <param name="Utilisation">Value / threshold (1 = at the limit).</param>
/// <param name="Level">Warning or breach.</param>
public sealed record RiskAlert(string Limit, double Value, double Threshold, double Utilisation, RiskAlertLevel Level);

/// <summary>The portfolio risk of one account at one moment (behind <c>get_risk_report</c>).</summary>
public sealed record RiskReport
{
    /// <summary>The account.</summary>
    public required string Account { get; init; }

    /// <summary>Account currency.</summary>
    public required string Currency { get; init; }

    /// <summary>Account time, Unix ms UTC.</summary>
    public required long TimeMs { get; init; }

    /// <summary>Equity.</summary>
    public required double Equity { get; init; }

    /// <summary>Margin in use.</summary>
    public required double Margin { get; init; }

    /// <summary>Margin / equity, percent.</summary>
    public required double MarginUsePercent { get; init; }

    /// <summary>Gross notional / equity.</summary>
    public required double Leverage { get; init; }

    /// <summary>Net exposure per currency (non-zero only), largest first.</summary>
    public required IReadOnlyList<CurrencyExposure> Currencies { get; init; }

    /// <summary>Exposure per asset class.</summary>
    public required IReadOnlyList<AssetClassExposure> AssetClasses { get; init; }

    /// <summary>Exposure per symbol.</summary>
    public required IReadOnlyList<SymbolExposure> Symbols { get; init; }

    /// <summary>VaR and ES.</summary>
    public required VarFigures Var { get; init; }

    /// <summary>The symbols of <see cref="Correlation"/>, in its order.</summary>
    public required IReadOnlyList<string> CorrelationSymbols { get; init; }

    /// <summary>Pearson correlation matrix of the symbols' returns (row-major, n × n).</summary>
    public required double[] Correlation { get; init; }

    /// <summary>Stress results, in the order of the scenarios.</summary>
    public required IReadOnlyList<StressResult> Stress { get; init; }

    /// <summary>Limits at 80 % or more.</summary>
    public required IReadOnlyList<RiskAlert> Alerts { get; init; }
}
