using System.Numerics;
using System.Runtime.InteropServices;

namespace MtMcp.Indicators;

/// <summary>
/// Balance of power (TA-Lib BOP): <c>(close − open) / (high − low)</c> of each bar, from −1 to 1; 0 for a bar
/// without range.
/// </summary>
public static class Bop
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "bop", "Balance Of Power", IndicatorGroup.MomentumIndicators,
        [InputSeries.Open, InputSeries.High, InputSeries.Low, InputSeries.Close], [],
        [new OutputInfo("real", "Body as a fraction of the range, −1 to 1")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Open, inputs.High, inputs.Low, inputs.Close, outputs),
        _ => new Stream());

    /// <summary>Bars without a value at the start: none.</summary>
    public static int Lookback() => 0;

    /// <summary>Writes the balance of power of every bar into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        Guard.SameLength(open.Length, high);
        Guard.SameLength(open.Length, low);
        Guard.SameLength(open.Length, close);
        Guard.Output(open.Length, output);
        var done = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var opens = MemoryMarshal.Cast<double, Vector<double>>(open);
            var highs = MemoryMarshal.Cast<double, Vector<double>>(high);
            var lows = MemoryMarshal.Cast<double, Vector<double>>(low);
            var closes = MemoryMarshal.Cast<double, Vector<double>>(close);
            var outputs = MemoryMarshal.Cast<double, Vector<double>>(output[..open.Length]);
            var epsilon = new Vector<double>(MomentumMath.Epsilon);
            for (var k = 0; k < opens.Length; k++)
            {
                var range = highs[k] - lows[k];
                outputs[k] = Vector.ConditionalSelect(Vector.LessThan(range, epsilon), Vector<double>.Zero, (closes[k] - opens[k]) / range);
            }

            done = opens.Length * Vector<double>.Count;
        }

        for (var i = done; i < open.Length; i++)
        {
            output[i] = Value(open[i], high[i], low[i], close[i]);
        }
    }

    // The vector loop above is the same formula, lane by lane.
    private static double Value(double open, double high, double low, double close)
    {
        var range = high - low;
        return MomentumMath.IsZeroOrNegative(range) ? 0.0 : (close - open) / range;
    }

    /// <summary>Streaming BOP: the value of the last bar.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private double _value = double.NaN;

        /// <inheritdoc />
        public IndicatorInfo Info => Bop.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            UpdateLast(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _value = Bop.Value(bar.Open, bar.High, bar.Low, bar.Close);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;
    }
}
