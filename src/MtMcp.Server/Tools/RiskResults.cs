namespace MtMcp.Server.Tools;

// The JSON shapes of the risk tools (snake_case on the wire). Figures that have no value (no data, a constant series)
// are null, never NaN.

/// <summary>The answer of <c>calculate_position_size</c>.</summary>
internal sealed record PositionSize(
    string Account, string Symbol, string Side, double RiskPercent, double Equity, double EntryPrice, double StopLoss, double RiskMoney,
    double StopTicks, double TickValueLoss, double CommissionPerLot, double LossPerLot, double RawVolume, decimal Volume, double LossAtStop,
    bool Capped, string? Problem, string Currency);

/// <summary>The answer of <c>calculate_margin</c>.</summary>
internal sealed record MarginCalculation(
    string Account, string Symbol, string Side, decimal Volume, double Price, int Leverage, string MarginCurrency, double Margin,
    string Currency, double MarginAccountCurrency, double MarginFree, double MarginFreeAfter);

/// <summary>The answer of <c>calculate_profit</c>.</summary>
internal sealed record ProfitCalculation(
    string Account, string Symbol, string Side, decimal Volume, double OpenPrice, double ClosePrice, double Ticks, string ProfitCurrency,
    double Profit, string Currency, double ProfitAccountCurrency);

/// <summary>Leverage caps per ESMA class (N of N:1; 0 = no cap).</summary>
internal sealed record LeverageCapsView(int ForexMajor, int ForexMinor, int Gold, int IndicesMajor, int IndicesMinor, int Commodities, int Equities, int Crypto);

/// <summary>Per-symbol limits.</summary>
internal sealed record SymbolLimitsView(string Symbol, decimal? MaxOrderVolume, double? MaxOrderNotional, decimal? MaxPositionVolume);

/// <summary>The limits that apply to an account (the configuration keys of docs/risk.md; 0 = off).</summary>
internal sealed record RiskLimitsView(
    string TradingMode, double MaxDrawdownPercent, double MaxDailyLossPercent, string DailyLossReference, string DayBoundary, bool FlattenOnBreach,
    double PositionSizePercent, double CorrelationLimit, string CorrelationAction, bool RequireStopLoss, double PriceCollarPercent,
    int MaxOrdersPerMinute, int MaxOrdersPerDay, int RepeatedExecutionCount, double RepeatedExecutionWindowSeconds,
    IReadOnlyList<string> AllowedSymbols, IReadOnlyList<string> DeniedSymbols, string Profile, LeverageCapsView LeverageLimits,
    decimal MaxOrderVolume, double MaxOrderNotional, int MaxOpenPositions, int MaxPendingOrders, IReadOnlyList<SymbolLimitsView> Symbols);

/// <summary>Where an account stands against its loss and rate limits.</summary>
internal sealed record RiskStatusView(
    double Equity, string DayStart, double DayReference, double DailyLossPercent, bool DailyLossBlocked, double Peak, double DrawdownPercent,
    bool DrawdownBlocked, int OrdersLastMinute, int OrdersToday, bool KillSwitch, bool KillSwitchGlobal);

/// <summary>The answer of <c>get_risk_limits</c> and <c>set_risk_limits</c>.</summary>
internal sealed record RiskLimitsAnswer(string Account, long ConfigurationVersion, RiskLimitsView Limits, RiskStatusView Status);

/// <summary>Net exposure to one currency, account currency.</summary>
internal sealed record CurrencyExposureView(string Currency, double Amount);

/// <summary>Exposure of one ESMA asset class.</summary>
internal sealed record AssetClassExposureView(string AssetClass, double Gross, double Net, int LeverageCap, double RequiredMargin);

/// <summary>Exposure of one symbol.</summary>
internal sealed record SymbolExposureView(string Symbol, double NetLots, double Notional, double? EwmaVolatility);

/// <summary>Value at risk and expected shortfall (losses positive, account currency).</summary>
internal sealed record VarView(
    double Confidence, double Horizon, int Observations, double? ParametricVar, double? ParametricEs, double? HistoricalVar, double? HistoricalEs,
    double? MonteCarloVar, double? MonteCarloEs, int Simulations);

/// <summary>A limit at 80 % (warning) or 100 % (breach).</summary>
internal sealed record RiskAlertView(string Limit, double Value, double Threshold, double Utilisation, string Level);

/// <summary>The answer of <c>get_risk_report</c>.</summary>
internal sealed record RiskReportAnswer(
    string Account, string Currency, string Time, double Equity, double Margin, double MarginUsePercent, double Leverage,
    IReadOnlyList<CurrencyExposureView> Currencies, IReadOnlyList<AssetClassExposureView> AssetClasses, IReadOnlyList<SymbolExposureView> Symbols,
    string ReturnsTimeframe, int ReturnsPeriods, VarView Var, IReadOnlyList<string> CorrelationSymbols, IReadOnlyList<IReadOnlyList<double?>> Correlation,
    IReadOnlyList<RiskAlertView> Alerts, RiskStatusView Status);

/// <summary>What the kill switch did for one account.</summary>
internal sealed record KillSwitchAccountView(string Account, IReadOnlyList<TradeOutcomeInfo> Cancelled, IReadOnlyList<TradeOutcomeInfo> Closed);

/// <summary>The answer of <c>kill_switch</c>.</summary>
internal sealed record KillSwitchAnswer(string Action, string Scope, string? Account, bool Changed, string? Reason, IReadOnlyList<KillSwitchAccountView> Accounts);

/// <summary>The answer of <c>correlation_matrix</c>.</summary>
internal sealed record CorrelationAnswer(string Timeframe, int Periods, IReadOnlyList<string> Symbols, IReadOnlyList<IReadOnlyList<double?>> Correlation);
