namespace MtMcp.Backtesting;

/// <summary>
/// Settings of a walk-forward analysis. Give <see cref="InSampleBars"/> and <see cref="OutOfSampleBars"/>, or
/// <see cref="Windows"/> (the range is then cut into that many windows with in-sample = <see cref="InSampleRatio"/> ×
/// out-of-sample bars).
/// </summary>
public sealed record WalkForwardOptions
{
    /// <summary>Bars in each in-sample part (the first one when anchored); 0 = derive from <see cref="Windows"/>.</summary>
    public int InSampleBars { get; init; }

    /// <summary>Bars in each out-of-sample part; 0 = derive from <see cref="Windows"/>.</summary>
    public int OutOfSampleBars { get; init; }

    /// <summary>Number of windows when the lengths are not given.</summary>
    public int Windows { get; init; } = 5;

    /// <summary>In-sample length as a multiple of the out-of-sample length when derived from <see cref="Windows"/> (≥ 1).</summary>
    public int InSampleRatio { get; init; } = 3;

    /// <summary>Every in-sample part starts at the first bar (growing) instead of rolling forward.</summary>
    public bool Anchored { get; init; }

    /// <summary>How each in-sample part is optimised.</summary>
    public OptimizationOptions Optimization { get; init; } = new();
}
