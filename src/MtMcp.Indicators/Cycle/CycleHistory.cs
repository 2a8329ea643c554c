namespace MtMcp.Indicators;

/// <summary>
/// The values of the last <see cref="HilbertCore.MaxPeriod"/> bars (the longest cycle), each stored twice so
/// that the window of any length ending at the newest bar is one contiguous span.
/// </summary>
/// <remarks>
/// A copy shares the storage. That is what update-in-place needs: replaying a bar rewrites only that bar's
/// own slots, and the value it overwrote (50 bars back) is outside every window read afterwards.
/// </remarks>
internal readonly struct CycleHistory
{
    private const int Length = HilbertCore.MaxPeriod;

    private readonly double[] _values = new double[2 * Length];

    public CycleHistory()
    {
    }

    /// <summary>Stores the value of <paramref name="bar"/>; bars never stored read as 0.</summary>
    public void Set(int bar, double value)
    {
        var slot = bar % Length;
        _values[slot] = value;
        _values[slot + Length] = value;
    }

    /// <summary>The values of the <paramref name="count"/> (≤ 50) bars up to <paramref name="bar"/>, oldest first.</summary>
    public ReadOnlySpan<double> Window(int bar, int count) => _values.AsSpan((bar % Length) + Length + 1 - count, count);
}
