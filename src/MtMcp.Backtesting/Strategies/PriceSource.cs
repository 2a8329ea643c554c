namespace MtMcp.Backtesting;

/// <summary>The bar price an indicator reads as its single series.</summary>
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

    /// <summary>(High + Low) / 2.</summary>
    Median,

    /// <summary>(High + Low + Close) / 3.</summary>
    Typical,
}
