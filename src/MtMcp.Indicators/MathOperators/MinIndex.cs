namespace MtMcp.Indicators;

/// <summary>Index of the lowest value over a period (TA-Lib MININDEX): the absolute bar index (0 = first input bar) of the minimum of the last <c>time_period</c> values. A tie goes to the newest bar, except right after the previous minimum left the window, when it goes to the oldest (as in TA-Lib).</summary>
public static class MinIndex
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = RollingExtremes.Info(
        "minindex", "Index of lowest value over a specified period",
        new OutputInfo("integer", "Absolute bar index of the lowest value", IsInteger: true));

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = RollingExtremes.Entry(Info, ExtremeOutput.MinIndex);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the absolute index of the rolling minimum into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output) =>
        RollingExtremes.Compute(real, period, default, default, output, default);
}
