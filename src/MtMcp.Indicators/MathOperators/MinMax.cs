namespace MtMcp.Indicators;

/// <summary>Lowest and highest values over a period (TA-Lib MINMAX).</summary>
public static class MinMax
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = RollingExtremes.Info(
        "minmax", "Lowest and highest values over a specified period",
        new OutputInfo("min", "Lowest value of the window"), new OutputInfo("max", "Highest value of the window"));

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = RollingExtremes.Entry(Info, ExtremeOutput.Min, ExtremeOutput.Max);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling minimum and maximum from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> min, Span<double> max) =>
        RollingExtremes.Compute(real, period, min, max, default, default);
}
