namespace MtMcp.Indicators;

/// <summary>Which price a single-series indicator reads (MetaTrader's ENUM_APPLIED_PRICE, plus volume).</summary>
public enum PriceSource
{
    /// <summary>Close.</summary>
    Close,

    /// <summary>Open.</summary>
    Open,

    /// <summary>High.</summary>
    High,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Median price (high + low) / 2.</summary>
    Hl2,

    /// <summary>Typical price (high + low + close) / 3.</summary>
    Hlc3,

    /// <summary>Average price (open + high + low + close) / 4.</summary>
    Ohlc4,

    /// <summary>Weighted close (high + low + 2 × close) / 4.</summary>
    Hlcc4,

    /// <summary>Volume.</summary>
    Volume,
}
