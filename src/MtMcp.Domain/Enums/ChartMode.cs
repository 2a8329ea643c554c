namespace MtMcp.Domain;

/// <summary>Price that builds bars (ENUM_SYMBOL_CHART_MODE).</summary>
public enum ChartMode
{
    /// <summary>Bars from bid prices.</summary>
    Bid = 0,

    /// <summary>Bars from last prices.</summary>
    Last = 1,
}
