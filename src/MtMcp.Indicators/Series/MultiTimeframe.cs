namespace MtMcp.Indicators;

/// <summary>
/// Aligns values computed on a longer timeframe back onto the bars of a shorter one without look-ahead:
/// a shorter bar sees the value of the last longer bar that had closed by the time the shorter bar closed.
/// </summary>
public static class MultiTimeframe
{
    /// <summary>
    /// For each shorter bar j, writes the value of the last longer bar i with
    /// <c>higherCloseTimes[i] ≤ lowerCloseTimes[j]</c>, or NaN when none has closed yet.
    /// </summary>
    /// <param name="higherCloseTimes">Close time of each longer bar (its next bar's open time), increasing.</param>
    /// <param name="higherValues">The indicator on the longer bars.</param>
    /// <param name="lowerCloseTimes">Close time of each shorter bar, increasing.</param>
    /// <param name="destination">One value per shorter bar.</param>
    /// <exception cref="ArgumentException">Lengths disagree.</exception>
    public static void Align(ReadOnlySpan<long> higherCloseTimes, ReadOnlySpan<double> higherValues, ReadOnlySpan<long> lowerCloseTimes, Span<double> destination)
    {
        if (higherCloseTimes.Length != higherValues.Length || lowerCloseTimes.Length != destination.Length)
        {
            throw new ArgumentException("Each time series needs one value per bar.", nameof(destination));
        }

        var i = -1;
        for (var j = 0; j < lowerCloseTimes.Length; j++)
        {
            while (i + 1 < higherCloseTimes.Length && higherCloseTimes[i + 1] <= lowerCloseTimes[j])
            {
                i++;
            }

            destination[j] = i >= 0 ? higherValues[i] : double.NaN;
        }
    }
}
