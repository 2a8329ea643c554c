using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Average price (TA-Lib AVGPRICE): <c>(open + high + low + close) / 4</c> of each bar.</summary>
public static class AvgPrice
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "avgprice", "Average Price", IndicatorGroup.PriceTransform,
        [InputSeries.Open, InputSeries.High, InputSeries.Low, InputSeries.Close], [], [new OutputInfo("real", "(open + high + low + close) / 4")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Entry(
        Info,
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.Open, inputs.High, inputs.Low, inputs.Close, outputs),
        static (in StreamBar bar) => Of(bar.Open, bar.High, bar.Low, bar.Close));

    /// <summary>Writes the average price of each bar into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        ElementWise.CheckInput(open.Length, high.Length, nameof(high));
        ElementWise.CheckInput(open.Length, low.Length, nameof(low));
        ElementWise.CheckInput(open.Length, close.Length, nameof(close));
        ElementWise.CheckOutput(open.Length, output);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var quarter = new Vector<double>(4);
            for (; i <= open.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (((new Vector<double>(high[i..]) + new Vector<double>(low[i..])) + new Vector<double>(close[i..]) + new Vector<double>(open[i..])) / quarter)
                    .CopyTo(output[i..]);
            }
        }

        for (; i < open.Length; i++)
        {
            output[i] = Of(open[i], high[i], low[i], close[i]);
        }
    }

    // TA-Lib's order of addition: high, low, close, open.
    private static double Of(double open, double high, double low, double close) => (high + low + close + open) / 4;
}
