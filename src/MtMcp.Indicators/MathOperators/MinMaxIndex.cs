namespace MtMcp.Indicators;

/// <summary>Indexes of the lowest and highest values over a period (TA-Lib MINMAXINDEX): absolute bar indexes (0 = first input bar), ties resolved as in <see cref="MinIndex"/> and <see cref="MaxIndex"/>.</summary>
public static class MinMaxIndex
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = RollingExtremes.Info(
        "minmaxindex", "Indexes of lowest and highest values over a specified period",
        new OutputInfo("min_idx", "Absolute bar index of the lowest value", IsInteger: true), new OutputInfo("max_idx", "Absolute bar index of the highest value", IsInteger: true));

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = RollingExtremes.Entry(Info, ExtremeOutput.MinIndex, ExtremeOutput.MaxIndex);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the absolute indexes of the rolling minimum and maximum from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> minIndex, Span<double> maxIndex) =>
        RollingExtremes.Compute(real, period, default, default, minIndex, maxIndex);
}
