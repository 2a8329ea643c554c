namespace MtMcp.Indicators;

/// <summary>Lowest value over a period (TA-Lib MIN): the minimum of the last <c>time_period</c> values.</summary>
public static class Min
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = RollingExtremes.Info(
        "min", "Lowest value over a specified period",
        new OutputInfo("real", "Lowest value of the window"));

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = RollingExtremes.Entry(Info, ExtremeOutput.Min);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling minimum into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output) =>
        RollingExtremes.Compute(real, period, output, default, default, default);
}
