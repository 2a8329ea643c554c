namespace MtMcp.Indicators;

/// <summary>
/// Heikin-Ashi candles as MetaTrader's Heiken_Ashi draws them: <c>ha_close = (open + high + low + close) / 4</c>,
/// <c>ha_open = (previous ha_open + previous ha_close) / 2</c>, <c>ha_high = max(high, ha_open, ha_close)</c>,
/// <c>ha_low = min(low, ha_open, ha_close)</c>; the first candle is the first bar itself.
/// </summary>
public static class HeikinAshi
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "heikin_ashi", "Heikin-Ashi", IndicatorGroup.PriceTransform,
        [InputSeries.Open, InputSeries.High, InputSeries.Low, InputSeries.Close],
        [],
        [
            new OutputInfo("ha_open", "Heikin-Ashi open: mean of the previous candle's open and close"),
            new OutputInfo("ha_high", "Heikin-Ashi high"),
            new OutputInfo("ha_low", "Heikin-Ashi low"),
            new OutputInfo("ha_close", "Heikin-Ashi close: mean of the bar's open, high, low and close"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Close.Length;
            Compute(inputs.Open, inputs.High, inputs.Low, inputs.Close, outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..(3 * n)], outputs[(3 * n)..]);
        },
        _ => new Stream());

    /// <summary>Bars without a value at the start: none.</summary>
    public static int Lookback() => 0;

    /// <summary>Writes the Heikin-Ashi candle of every bar.</summary>
    public static void Compute(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        Span<double> haOpen, Span<double> haHigh, Span<double> haLow, Span<double> haClose)
    {
        var candle = default(Candle);
        for (var i = 0; i < close.Length; i++)
        {
            candle = i == 0 ? new Candle(open[0], high[0], low[0], close[0]) : candle.Next(open[i], high[i], low[i], close[i]);
            haOpen[i] = candle.Open;
            haHigh[i] = candle.High;
            haLow[i] = candle.Low;
            haClose[i] = candle.Close;
        }
    }

    /// <summary>One Heikin-Ashi candle.</summary>
    private readonly record struct Candle(double Open, double High, double Low, double Close)
    {
        /// <summary>The candle of the next bar.</summary>
        public Candle Next(double open, double high, double low, double close)
        {
            var haOpen = (Open + Close) / 2;
            var haClose = (open + high + low + close) / 4;
            return new Candle(haOpen, Math.Max(high, Math.Max(haOpen, haClose)), Math.Min(low, Math.Min(haOpen, haClose)), haClose);
        }
    }

    /// <summary>Streaming Heikin-Ashi: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private Candle _candle;
        private Candle _previous;

        /// <inheritdoc />
        public IndicatorInfo Info => HeikinAshi.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _previous = _candle;
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
        public double Value(int output) => !IsReady ? double.NaN : output switch
        {
            0 => _candle.Open,
            1 => _candle.High,
            2 => _candle.Low,
            _ => _candle.Close,
        };

        private void Step(in StreamBar bar) =>
            _candle = Count == 1 ? new Candle(bar.Open, bar.High, bar.Low, bar.Close) : _previous.Next(bar.Open, bar.High, bar.Low, bar.Close);
    }
}
