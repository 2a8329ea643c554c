using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Ichimoku Kinko Hyo as MetaTrader's iIchimoku defines it: tenkan-sen and kijun-sen are the midpoints of the
/// high–low range of the last 9 and 26 bars; senkou span A = (tenkan + kijun) / 2 and senkou span B = the midpoint
/// of the last 52 bars, both drawn <c>kijun_period</c> bars ahead; the chikou span is the close drawn
/// <c>kijun_period</c> bars back. Every output here is what is known at the close of its bar, aligned with that
/// bar: the senkou spans are the cloud drawn under the bar (computed <c>kijun_period</c> bars earlier), and the
/// chikou span is the newest point of the lagging line, the bar's close, which MetaTrader draws
/// <c>kijun_period</c> bars back (compare it with the price of that bar).
/// </summary>
public static class Ichimoku
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ichimoku", "Ichimoku Kinko Hyo", IndicatorGroup.TrendSystems,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("tenkan_period", 9, 1, 100_000, "Bars of the tenkan-sen (conversion line) range", "tenkan"),
            ParameterInfo.Integer("kijun_period", 26, 1, 100_000, "Bars of the kijun-sen (base line) range; also the cloud's forward and the chikou's backward shift", "kijun"),
            ParameterInfo.Integer("senkou_period", 52, 1, 100_000, "Bars of the senkou span B range", "senkou"),
        ],
        [
            new OutputInfo("tenkan_sen", "Midpoint of the high–low range of the last tenkan_period bars"),
            new OutputInfo("kijun_sen", "Midpoint of the high–low range of the last kijun_period bars"),
            new OutputInfo("senkou_span_a", "Cloud edge A under this bar: (tenkan + kijun) / 2 as of kijun_period bars ago"),
            new OutputInfo("senkou_span_b", "Cloud edge B under this bar: midpoint of the senkou_period range as of kijun_period bars ago"),
            new OutputInfo("chikou_span", "Newest point of the lagging line: this bar's close, drawn kijun_period bars back"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Close.Length;
            Compute(
                inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), p.Int(2),
                outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..(3 * n)], outputs[(3 * n)..(4 * n)], outputs[(4 * n)..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Int(2)));

    /// <summary>
    /// Bars without a value at the start: the longest range − 1 plus the cloud's shift, so that every output is
    /// defined from there on (77 with the defaults).
    /// </summary>
    public static int Lookback(int tenkanPeriod, int kijunPeriod, int senkouPeriod) =>
        Math.Max(tenkanPeriod, Math.Max(kijunPeriod, senkouPeriod)) - 1 + kijunPeriod;

    /// <summary>Writes the five lines from the lookback on; earlier entries are left as they are.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int tenkanPeriod, int kijunPeriod, int senkouPeriod,
        Span<double> tenkanSen, Span<double> kijunSen, Span<double> senkouSpanA, Span<double> senkouSpanB, Span<double> chikouSpan)
    {
        var n = close.Length;
        var lookback = Lookback(tenkanPeriod, kijunPeriod, senkouPeriod);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(5 * n);
        try
        {
            var highest = buffer.AsSpan(0, n);
            var lowest = buffer.AsSpan(n, n);
            var tenkan = buffer.AsSpan(2 * n, n);
            var kijun = buffer.AsSpan(3 * n, n);
            var spanB = buffer.AsSpan(4 * n, n);
            Midpoints(high, low, tenkanPeriod, highest, lowest, tenkan);
            Midpoints(high, low, kijunPeriod, highest, lowest, kijun);
            Midpoints(high, low, senkouPeriod, highest, lowest, spanB);
            for (var i = lookback; i < n; i++)
            {
                var then = i - kijunPeriod;
                tenkanSen[i] = tenkan[i];
                kijunSen[i] = kijun[i];
                senkouSpanA[i] = (tenkan[then] + kijun[then]) / 2;
                senkouSpanB[i] = spanB[then];
                chikouSpan[i] = close[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static void Midpoints(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> highest, Span<double> lowest, Span<double> midpoint)
    {
        RollingExtreme<Highest>.Compute(high, period, highest, default);
        RollingExtreme<Lowest>.Compute(low, period, lowest, default);
        for (var i = period - 1; i < midpoint.Length; i++)
        {
            midpoint[i] = (highest[i] + lowest[i]) / 2;
        }
    }

    /// <summary>Streaming Ichimoku: amortised O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly HighLowWindows _ranges;
        private readonly DelayLine _spanA;
        private readonly DelayLine _spanB;
        private readonly int _lookback;
        private double _close = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int tenkanPeriod, int kijunPeriod, int senkouPeriod)
        {
            _ranges = new HighLowWindows(tenkanPeriod, kijunPeriod, senkouPeriod);
            _spanA = new DelayLine(kijunPeriod);
            _spanB = new DelayLine(kijunPeriod);
            _lookback = Lookback(tenkanPeriod, kijunPeriod, senkouPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Ichimoku.Info;

        /// <inheritdoc />
        public int Count => _ranges.Count;

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => Step(bar, replace: false);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => Step(bar, replace: Count > 0);

        /// <inheritdoc />
        public double Value(int output) => !IsReady ? double.NaN : output switch
        {
            0 => _ranges.Midpoint(0),
            1 => _ranges.Midpoint(1),
            2 => _spanA.Value,
            3 => _spanB.Value,
            _ => _close,
        };

        private void Step(in StreamBar bar, bool replace)
        {
            _ranges.Feed(bar.High, bar.Low, replace);
            _spanA.Feed((_ranges.Midpoint(0) + _ranges.Midpoint(1)) / 2, replace);
            _spanB.Feed(_ranges.Midpoint(2), replace);
            _close = bar.Close;
        }
    }
}
