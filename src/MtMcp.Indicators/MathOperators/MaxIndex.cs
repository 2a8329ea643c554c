namespace MtMcp.Indicators;

/// <summary>Index of the highest value over a period (TA-Lib MAXINDEX): the absolute bar index (0 = first input bar) of the maximum of the last <c>time_period</c> values. A tie goes to the newest bar, except right after the previous maximum left the window, when it goes to the oldest (as in TA-Lib).</summary>
public static class MaxIndex
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = RollingExtremes.Info(
        "maxindex", "Index of highest value over a specified period",
        new OutputInfo("integer", "Absolute bar index of the highest value", IsInteger: true));

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = RollingExtremes.Entry(Info, ExtremeOutput.MaxIndex);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the absolute index of the rolling maximum into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output) =>
        RollingExtremes.Compute(real, period, default, default, default, output);
}
