namespace MtMcp.Indicators;

/// <summary>
/// The per-bar state of one Hilbert-family function: a fixed-size struct the batch form steps in place and
/// the streaming form snapshots by copying.
/// </summary>
internal interface IHilbertIndicator
{
    /// <summary>Feeds the next bar's price.</summary>
    void Step(double value);

    /// <summary>Output <paramref name="output"/> at the last bar (meaningful once the lookback has passed).</summary>
    double Output(int output);
}
