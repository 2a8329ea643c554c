namespace MtMcp.Backtesting;

/// <summary>One walk-forward window, as bar indices into the whole range.</summary>
/// <param name="Index">Window number, from 0.</param>
/// <param name="InSampleStart">First in-sample bar.</param>
/// <param name="InSampleCount">In-sample bars.</param>
/// <param name="OutOfSampleStart">First out-of-sample bar (= in-sample start + count: the out-of-sample part follows it).</param>
/// <param name="OutOfSampleCount">Out-of-sample bars.</param>
public readonly record struct WalkForwardWindow(int Index, int InSampleStart, int InSampleCount, int OutOfSampleStart, int OutOfSampleCount)
{
    /// <summary>One past the last out-of-sample bar.</summary>
    public int End => OutOfSampleStart + OutOfSampleCount;
}
