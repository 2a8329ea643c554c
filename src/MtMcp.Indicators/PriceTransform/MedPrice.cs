using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Median price (TA-Lib MEDPRICE): <c>(high + low) / 2</c> of each bar.</summary>
public static class MedPrice
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "medprice", "Median Price", IndicatorGroup.PriceTransform,
        [InputSeries.High, InputSeries.Low], [], [new OutputInfo("real", "(high + low) / 2")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Entry(
        Info,
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.High, inputs.Low, outputs),
        static (in StreamBar bar) => Function.Apply(bar.High, bar.Low));

    /// <summary>Writes the median price of each bar into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> output) =>
        ElementWise.Map<Function>(high, low, output);

    private readonly struct Function : IBinaryFunction
    {
        public static double Apply(double a, double b) => (a + b) / 2.0;

        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => (a + b) / 2.0;
    }
}
