using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>
/// True range (TA-Lib TRANGE): the largest of high − low, |previous close − high| and |previous close − low|,
/// so gaps count as range. The first bar has no previous close and no value.
/// </summary>
public static class TRange
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "trange", "True Range", IndicatorGroup.VolatilityIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [], [new OutputInfo("real", "True range")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, outputs),
        _ => new Stream());

    /// <summary>Bars without a value at the start: 1.</summary>
    public static int Lookback() => 1;

    /// <summary>The true range of a bar given the close of the bar before it.</summary>
    public static double Of(double high, double low, double previousClose) => Function.Apply(high, low, previousClose);

    /// <summary>Writes the true range of each bar into <paramref name="output"/> from index 1 on.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        ElementWise.CheckInput(close.Length, high.Length, nameof(high));
        ElementWise.CheckInput(close.Length, low.Length, nameof(low));
        if (close.Length > 1)
        {
            // Bar i against the close of bar i − 1: the same element-wise kernel over shifted spans.
            ElementWise.Map<Function>(high[1..], low[1..], close[..^1], output[1..]);
        }
    }

    // Maxima are exact, so the vector lanes equal the scalar form bit for bit.
    private readonly struct Function : IHighLowCloseFunction
    {
        public static double Apply(double high, double low, double close) =>
            Math.Max(high - low, Math.Max(Math.Abs(close - high), Math.Abs(close - low)));

        public static Vector<double> Apply(Vector<double> high, Vector<double> low, Vector<double> close) =>
            Vector.Max(high - low, Vector.Max(Vector.Abs(close - high), Vector.Abs(close - low)));
    }

    /// <summary>Streaming TRANGE: O(1) per bar.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private double _previousClose = double.NaN;
        private double _lastClose = double.NaN;
        private double _value = double.NaN;

        /// <inheritdoc />
        public IndicatorInfo Info => TRange.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 1;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _previousClose = _lastClose;
            Step(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(in StreamBar bar)
        {
            _lastClose = bar.Close;
            if (Count > 1)
            {
                _value = Of(bar.High, bar.Low, _previousClose);
            }
        }
    }
}
