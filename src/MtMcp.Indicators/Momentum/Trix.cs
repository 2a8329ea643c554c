using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// TRIX (TA-Lib TRIX): the one-bar rate of change, in percent, of an EMA of an EMA of an EMA of the series,
/// all three over <c>time_period</c> bars and each seeded with the SMA of its first period.
/// </summary>
public static class Trix
{
    // TA-Lib documents 1 as the smallest period, but its EMA lookback is −1 for a period of 1 and TRIX then
    // returns values shifted against the bars; 2 is the smallest period it computes correctly.
    private const int MinPeriod = 2;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "trix", "1-day Rate-Of-Change (ROC) of a Triple Smooth EMA", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30, min: MinPeriod)],
        [new OutputInfo("real", "Percent change of the triple EMA from the previous bar")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>3 · (period − 1) + 1</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    public static int Lookback(int period)
    {
        Guard.Period(period, MinPeriod);
        return (3 * Ema.Lookback(period)) + 1;
    }

    /// <summary>
    /// Writes the TRIX of <paramref name="real"/> into <paramref name="output"/> from the lookback on; earlier
    /// entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        var n = real.Length;
        var lookback = Lookback(period);
        Guard.Output(n, output);
        if (n <= lookback)
        {
            return;
        }

        // TA-Lib's exact EMA: the rate of change of the third EMA magnifies any rounding in it.
        var emaLookback = Ema.Lookback(period);
        var k = Ema.SmoothingFactor(period);
        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var first = buffer.AsSpan(0, n);
            var second = buffer.AsSpan(n, n);
            Ema.Compute(real, period, k, first);
            Ema.Compute(first[emaLookback..], period, k, second[emaLookback..]);
            var third = first; // the first EMA is no longer needed
            Ema.Compute(second[(2 * emaLookback)..], period, k, third[(2 * emaLookback)..]);
            for (var i = lookback; i < n; i++)
            {
                output[i] = RateOfChange(third[i], third[i - 1]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    // TA-Lib's ROC: ((x / previous) − 1) · 100, and 0 after a zero.
    private static double RateOfChange(double value, double previous) =>
        previous != 0.0 ? ((value / previous) - 1.0) * 100.0 : 0.0;

    /// <summary>Streaming TRIX: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Ema.ValueStream _first;
        private readonly Ema.ValueStream _second;
        private readonly Ema.ValueStream _third;
        private readonly int _emaLookback;
        private readonly int _lookback;
        private double _thirdLast = double.NaN;
        private double _thirdPrevious = double.NaN;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
        {
            _lookback = Lookback(period);
            _first = new Ema.ValueStream(period);
            _second = new Ema.ValueStream(period);
            _third = new Ema.ValueStream(period);
            _emaLookback = Ema.Lookback(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Trix.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _thirdPrevious = _thirdLast;
            Step(bar.Real0, replace: false);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            Step(bar.Real0, replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(double x, bool replace)
        {
            // Each EMA starts at the first bar its input exists, as the batch form slices it.
            var index = Count - 1;
            var first = _first.Feed(x, replace);
            var second = index >= _emaLookback ? _second.Feed(first, replace) : double.NaN;
            _thirdLast = index >= 2 * _emaLookback ? _third.Feed(second, replace) : double.NaN;
            _value = IsReady ? RateOfChange(_thirdLast, _thirdPrevious) : double.NaN;
        }
    }
}
