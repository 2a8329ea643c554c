using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Weighted close price (TA-Lib WCLPRICE): <c>(high + low + 2·close) / 4</c> of each bar.</summary>
public static class WclPrice
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "wclprice", "Weighted Close Price", IndicatorGroup.PriceTransform,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [], [new OutputInfo("real", "(high + low + 2·close) / 4")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Entry(
        Info,
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, outputs),
        static (in StreamBar bar) => Function.Apply(bar.High, bar.Low, bar.Close));

    /// <summary>Writes the weighted close price of each bar into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        ElementWise.Map<Function>(high, low, close, output);

    private readonly struct Function : IHighLowCloseFunction
    {
        public static double Apply(double high, double low, double close) => (high + low + (close * 2.0)) / 4.0;

        public static Vector<double> Apply(Vector<double> high, Vector<double> low, Vector<double> close) => (high + low + (close * 2.0)) / 4.0;
    }
}
