namespace MtMcp.Backtesting;

/// <summary>How a Monte Carlo simulation reorders the trades.</summary>
public enum MonteCarloMethod
{
    /// <summary>Draw as many trades as there are, with replacement (bootstrap): both return and drawdown vary.</summary>
    Resample,

    /// <summary>A random permutation of the trades: the return is fixed, only the path (drawdown) varies.</summary>
    Shuffle,
}
