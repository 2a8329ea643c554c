namespace MtMcp.Indicators;

/// <summary>
/// Volume-weighted average price anchored to the daily session: <c>Σ typical · volume / Σ volume</c> over the bars
/// of the current UTC session so far, typical = <c>(high + low + close) / 3</c>. A session starts at
/// <c>anchor_hour</c>:00 UTC (midnight by default), read from each bar's open time; the sums restart with the first
/// bar of each session. NaN while the session has no volume yet.
/// </summary>
public static class Vwap
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "vwap", "Volume-Weighted Average Price (daily session)", IndicatorGroup.VolumeIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Volume, InputSeries.Time],
        [UtcSession.AnchorHourParameter],
        [new OutputInfo("vwap", "Volume-weighted typical price of the session so far")],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.Time, inputs.High, inputs.Low, inputs.Close, inputs.Volume, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: none (a bar without volume still has none).</summary>
    public static int Lookback() => 0;

    /// <summary>Writes the session VWAP of every bar into <paramref name="output"/>.</summary>
    /// <param name="time">Bar open times, Unix seconds UTC.</param>
    /// <param name="high">Highs.</param>
    /// <param name="low">Lows.</param>
    /// <param name="close">Closes.</param>
    /// <param name="volume">Volumes.</param>
    /// <param name="anchorHour">UTC hour at which sessions start, 0 to 23.</param>
    /// <param name="output">One value per bar.</param>
    public static void Compute(
        ReadOnlySpan<long> time, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume, int anchorHour, Span<double> output)
    {
        var state = new State(anchorHour);
        for (var i = 0; i < close.Length; i++)
        {
            output[i] = state.Next(time[i], high[i], low[i], close[i], volume[i]);
        }
    }

    /// <summary>The running session sums as a value; copying it saves the state.</summary>
    private struct State(int anchorHour)
    {
        private long _session = long.MinValue;
        private double _priceVolume;
        private double _volume;

        public double Value { get; private set; } = double.NaN;

        public double Next(long time, double high, double low, double close, double volume)
        {
            var session = UtcSession.Of(time, anchorHour);
            if (session != _session)
            {
                _session = session;
                _priceVolume = 0;
                _volume = 0;
            }

            _priceVolume += (high + low + close) / 3 * volume;
            _volume += volume;
            return Value = _volume > 0 ? _priceVolume / _volume : double.NaN;
        }
    }

    /// <summary>Streaming session VWAP: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private State _state;
        private State _beforeLast;

        /// <summary>Creates the stream.</summary>
        public Stream(int anchorHour)
        {
            _state = new State(anchorHour);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Vwap.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _beforeLast = _state;
            _state.Next(bar.Time, bar.High, bar.Low, bar.Close, bar.Volume);
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
            _state.Next(bar.Time, bar.High, bar.Low, bar.Close, bar.Volume);
        }

        /// <inheritdoc />
        public double Value(int output) => _state.Value;
    }
}
