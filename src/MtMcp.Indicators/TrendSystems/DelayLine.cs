namespace MtMcp.Indicators;

/// <summary>
/// The value a series had <c>shift</c> bars ago, with a one-step undo of the last <see cref="Add"/>. This is how
/// MetaTrader's forward-shifted lines (Alligator, Envelopes, Ichimoku's cloud) are reported without look-ahead:
/// the value drawn at a bar is the one computed <c>shift</c> bars earlier.
/// </summary>
internal sealed class DelayLine
{
    private readonly SlidingWindow _window;

    public DelayLine(int shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        _window = new SlidingWindow(shift + 1);
    }

    /// <summary>The value fed <c>shift</c> values ago; NaN until that many were fed.</summary>
    public double Value => _window.IsFull ? _window.Oldest : double.NaN;

    /// <summary>Appends a value; returns the delayed value.</summary>
    public double Add(double value)
    {
        _window.Push(value);
        return Value;
    }

    /// <summary>Replaces the last value appended; returns the delayed value.</summary>
    public double UpdateLast(double value)
    {
        _window.UndoPush();
        return Add(value);
    }

    /// <summary>Appends, or replaces the last value when <paramref name="replace"/> is set.</summary>
    public double Feed(double value, bool replace) => replace ? UpdateLast(value) : Add(value);

    /// <summary>
    /// Writes <paramref name="series"/> delayed by <paramref name="shift"/> bars into <paramref name="output"/>
    /// from bar <paramref name="from"/> on (which must be at least <paramref name="shift"/>).
    /// </summary>
    public static void Shift(ReadOnlySpan<double> series, int shift, int from, Span<double> output)
    {
        if (from < output.Length)
        {
            series[(from - shift)..(output.Length - shift)].CopyTo(output[from..]);
        }
    }
}
