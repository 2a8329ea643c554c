namespace MtMcp.Indicators;

/// <summary>The family an indicator belongs to (TA-Lib's groups, plus the MetaTrader ones).</summary>
public enum IndicatorGroup
{
    /// <summary>Moving averages, bands, parabolic SAR: drawn over the price.</summary>
    OverlapStudies,

    /// <summary>Oscillators and trend-strength measures.</summary>
    MomentumIndicators,

    /// <summary>Indicators built on volume.</summary>
    VolumeIndicators,

    /// <summary>Range and volatility measures.</summary>
    VolatilityIndicators,

    /// <summary>Single prices derived from a bar (typical price, ...).</summary>
    PriceTransform,

    /// <summary>The Hilbert transform family.</summary>
    CycleIndicators,

    /// <summary>Candlestick patterns: +100 bullish, −100 bearish, 0 none (±200 for confirmed variants).</summary>
    PatternRecognition,

    /// <summary>Regression, correlation, deviation.</summary>
    StatisticFunctions,

    /// <summary>Element-wise math functions of one series.</summary>
    MathTransform,

    /// <summary>Element-wise operators and rolling min/max/sum.</summary>
    MathOperators,

    /// <summary>Channels and trend systems MetaTrader users know (Ichimoku, Supertrend, Donchian, ...).</summary>
    TrendSystems,

    /// <summary>Bill Williams' indicators.</summary>
    BillWilliams,

    /// <summary>Price levels: pivots, Fibonacci, support and resistance, ZigZag.</summary>
    Levels,
}
