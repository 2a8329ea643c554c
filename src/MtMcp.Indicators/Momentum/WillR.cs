using System.Buffers;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Williams' %R (TA-Lib WILLR): where the close sits in the high–low range of the last <c>time_period</c> bars,
/// from 0 (at the highest high) to −100 (at the lowest low); 0 when the range is flat.
/// </summary>
public static class WillR
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "willr", "Williams' %R", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14)],
        [new OutputInfo("real", "%R, −100 to 0")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes %R into <paramref name="output"/> from index <c>period − 1</c> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.Output(high.Length, output);

        WindowExtreme.ForEachBlock(high, low, close, period, output, Values);
    }

    private static void Values(ReadOnlySpan<double> close, ReadOnlySpan<double> highest, ReadOnlySpan<double> lowest, Span<double> output)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= close.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var top = Vector512.Create(highest[i..]);
                var diff = (top - Vector512.Create(lowest[i..])) / Vector512.Create(-100.0);
                var value = (top - Vector512.Create(close[i..])) / diff;
                Vector512.ConditionalSelect(Vector512.Equals(diff, Vector512<double>.Zero), Vector512<double>.Zero, value).CopyTo(output[i..]);
            }
        }

        for (; i < close.Length; i++)
        {
            output[i] = Value(close[i], highest[i], lowest[i]);
        }
    }

    // TA-Lib's operation order: the range is divided by −100 first.
    private static double Value(double close, double highest, double lowest)
    {
        var diff = (highest - lowest) / -100.0;
        return diff != 0.0 ? (highest - close) / diff : 0.0;
    }

    /// <summary>Streaming WILLR: amortised O(1) per bar (a rescan when an extreme leaves the window), equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly int _period;
        private readonly WindowExtreme.Rolling<WindowExtreme.Highest> _highest;
        private readonly WindowExtreme.Rolling<WindowExtreme.Lowest> _lowest;
        private double _close;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _period = period;
            _highest = new WindowExtreme.Rolling<WindowExtreme.Highest>(period);
            _lowest = new WindowExtreme.Rolling<WindowExtreme.Lowest>(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => WillR.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count >= _period;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _highest.Add(bar.High);
            _lowest.Add(bar.Low);
            _close = bar.Close;
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _highest.UpdateLast(bar.High);
            _lowest.UpdateLast(bar.Low);
            _close = bar.Close;
        }

        /// <inheritdoc />
        public double Value(int output) => IsReady ? WillR.Value(_close, _highest.Value, _lowest.Value) : double.NaN;
    }
}
