namespace MtMcp.Backtesting;

/// <summary>Settings of a Monte Carlo simulation.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Simulated sequences (1 to 1,000,000).</summary>
    public int Simulations { get; init; } = 1000;

    /// <summary>Seed of the random source: the same seed gives the same bands.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How trades are drawn.</summary>
    public MonteCarloMethod Method { get; init; } = MonteCarloMethod.Resample;

    /// <summary>The percentiles reported, each in [0, 100].</summary>
    public IReadOnlyList<double> Percentiles { get; init; } = [5, 50, 95];
}
