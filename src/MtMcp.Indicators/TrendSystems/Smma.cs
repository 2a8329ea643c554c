namespace MtMcp.Indicators;

/// <summary>
/// Smoothed moving average, MetaTrader's MODE_SMMA (the Alligator's average): the first value is the SMA of
/// the first <c>time_period</c> values, then <c>smma = (previous · (period − 1) + price) / period</c>. Not in
/// TA-Lib; the same recursion as Wilder's smoothing.
/// </summary>
public static class Smma
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "smma", "Smoothed Moving Average (MetaTrader SMMA)", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(13)], [new OutputInfo("real", "Moving average")], IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the SMMA of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on;
    /// earlier entries are left as they are.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        var state = new State(period);
        for (var i = 0; i < real.Length; i++)
        {
            var value = state.Next(real[i]);
            if (i >= period - 1)
            {
                output[i] = value;
            }
        }
    }

    /// <summary>
    /// The SMMA recursion as a value: copying the struct saves the state, which is how streams undo their
    /// forming bar.
    /// </summary>
    internal struct State
    {
        private readonly int _period;
        private int _count;
        private double _sum;

        public State(int period)
        {
            _period = period;
            Value = double.NaN;
        }

        /// <summary>The current SMMA; NaN until <c>period</c> values were fed.</summary>
        public double Value { get; private set; }

        public readonly bool IsReady => _count >= _period;

        /// <summary>Feeds the next value; returns the new SMMA (NaN during the seed).</summary>
        public double Next(double x)
        {
            if (_count >= _period)
            {
                return Value = ((Value * (_period - 1)) + x) / _period;
            }

            // MetaTrader's seed: the plain sum of the first period values, divided once.
            _sum += x;
            _count++;
            return Value = _count == _period ? _sum / _period : double.NaN;
        }
    }

    /// <summary>Streaming SMMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private State _state;
        private State _beforeLast;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _state = new State(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Smma.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _state.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _beforeLast = _state;
            _state.Next(bar.Real0);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _state = _beforeLast;
            _state.Next(bar.Real0);
        }

        /// <inheritdoc />
        public double Value(int output) => _state.Value;
    }
}
