namespace MtMcp.Indicators;

/// <summary>Highest value over a period (TA-Lib MAX): the maximum of the last <c>time_period</c> values.</summary>
public static class Max
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = RollingExtremes.Info(
        "max", "Highest value over a specified period",
        new OutputInfo("real", "Highest value of the window"));

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = RollingExtremes.Entry(Info, ExtremeOutput.Max);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling maximum into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output) =>
        RollingExtremes.Compute(real, period, default, output, default, default);
}
