using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Acceleration bands (TA-Lib ACCBANDS, Headley): SMAs of <c>high·(1 + w)</c> and <c>low·(1 − w)</c> with the
/// bar's relative width <c>w = 4·(high − low) / (high + low)</c>, around the SMA of the close.
/// </summary>
public static class AccBands
{
    // TA-Lib's TA_IS_ZERO threshold for high + low.
    private const double Epsilon = 1e-14;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "accbands", "Acceleration Bands", IndicatorGroup.OverlapStudies,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [ParameterInfo.TimePeriod(20)],
        [
            new OutputInfo("real_upper_band", "SMA of the widened highs"),
            new OutputInfo("real_middle_band", "SMA of the close"),
            new OutputInfo("real_lower_band", "SMA of the widened lows"),
        ]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Close.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => Sma.Lookback(period);

    /// <summary>Writes the three bands from index <c>period − 1</c> on; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException">The inputs differ in length, or an output is shorter.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        Guard.Period(period, 2);

        var n = high.Length;
        Guard.SameLength(n, low);
        Guard.SameLength(n, close);
        Guard.Output(n, upper);
        Guard.Output(n, middle);
        Guard.Output(n, lower);

        if (n <= Lookback(period))
        {
            return;
        }

        // The widened highs and lows are averaged like any series, so they need a buffer.
        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var wideHighs = buffer.AsSpan(0, n);
            var wideLows = buffer.AsSpan(n, n);
            for (var i = 0; i < n; i++)
            {
                (wideHighs[i], wideLows[i]) = Widen(high[i], low[i]);
            }

            Sma.Compute(close, period, middle);
            Sma.Compute(wideHighs, period, upper);
            Sma.Compute(wideLows, period, lower);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static (double High, double Low) Widen(double high, double low)
    {
        var sum = high + low;
        if (sum > -Epsilon && sum < Epsilon)
        {
            return (high, low);
        }

        var width = 4 * (high - low) / sum;
        return (high * (1 + width), low * (1 - width));
    }

    /// <summary>Streaming acceleration bands: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Sma.Stream _upper;
        private readonly Sma.Stream _middle;
        private readonly Sma.Stream _lower;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _upper = new Sma.Stream(period);
            _middle = new Sma.Stream(period);
            _lower = new Sma.Stream(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => AccBands.Info;

        /// <inheritdoc />
        public int Count => _middle.Count;

        /// <inheritdoc />
        public bool IsReady => _middle.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            var (high, low) = Widen(bar.High, bar.Low);
            _upper.Add(StreamBar.Value(high));
            _middle.Add(StreamBar.Value(bar.Close));
            _lower.Add(StreamBar.Value(low));
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            var (high, low) = Widen(bar.High, bar.Low);
            _upper.UpdateLast(StreamBar.Value(high));
            _middle.UpdateLast(StreamBar.Value(bar.Close));
            _lower.UpdateLast(StreamBar.Value(low));
        }

        /// <inheritdoc />
        public double Value(int output) => output switch
        {
            0 => _upper.Value(0),
            1 => _middle.Value(0),
            _ => _lower.Value(0),
        };
    }
}
