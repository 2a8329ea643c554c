namespace MtMcp.Indicators;

/// <summary>
/// Bill Williams' Market Facilitation Index (MetaTrader iBWMFI): <c>(high − low) / volume</c>, the price range
/// moved per unit of (tick) volume, with MetaTrader's four bar colours comparing the index and the volume with
/// the previous bar's. MetaTrader divides the range by the symbol's point as well; set <c>point</c> to it to get
/// MetaTrader's figures (the default 1 keeps price units). A bar without volume repeats the previous value.
/// </summary>
public static class MarketFacilitationIndex
{
    /// <summary>Colour code: index and volume both up (green).</summary>
    public const int Green = 0;

    /// <summary>Colour code: index and volume both down (fade).</summary>
    public const int Fade = 1;

    /// <summary>Colour code: index up, volume down (fake).</summary>
    public const int Fake = 2;

    /// <summary>Colour code: index down, volume up (squat).</summary>
    public const int Squat = 3;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "bw_mfi", "Market Facilitation Index (Bill Williams)", IndicatorGroup.BillWilliams,
        [InputSeries.High, InputSeries.Low, InputSeries.Volume],
        [ParameterInfo.Real("point", 1, 1e-12, 1e12, "Price of one point: the range is divided by it (MetaTrader uses the symbol's point)")],
        [
            new OutputInfo("mfi", "(high − low) / point / volume"),
            new OutputInfo("color", "0 green (index and volume up), 1 fade (both down), 2 fake (index up, volume down), 3 squat (index down, volume up)", IsInteger: true),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, inputs.Volume, p.Real(0), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Real(0)));

    /// <summary>Bars without a value at the start: none.</summary>
    public static int Lookback() => 0;

    /// <summary>Writes the index into <paramref name="mfi"/> and the colour codes into <paramref name="color"/>.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> volume, double point,
        Span<double> mfi, Span<double> color)
    {
        var state = new State(point);
        for (var i = 0; i < high.Length; i++)
        {
            state.Next(high[i], low[i], volume[i]);
            mfi[i] = state.Mfi;
            color[i] = state.Color;
        }
    }

    /// <summary>The index and its colour as a value; copying it saves the state.</summary>
    private struct State(double point)
    {
        private bool _any;
        private bool _mfiUp = true;
        private bool _volumeUp = true;
        private double _volume;

        public double Mfi { get; private set; }

        public readonly int Color => (_mfiUp, _volumeUp) switch
        {
            (true, true) => Green,
            (false, false) => Fade,
            (true, false) => Fake,
            _ => Squat,
        };

        public void Next(double high, double low, double volume)
        {
            // MetaTrader keeps the previous value on a bar without volume (0 on the very first bar).
            var mfi = volume == 0 ? Mfi : (high - low) / point / volume;
            if (_any)
            {
                // Equal values keep the previous direction, as MetaTrader does.
                _mfiUp = mfi > Mfi || (mfi >= Mfi && _mfiUp);
                _volumeUp = volume > _volume || (volume >= _volume && _volumeUp);
            }

            _any = true;
            Mfi = mfi;
            _volume = volume;
        }
    }

    /// <summary>Streaming Market Facilitation Index: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private State _state;
        private State _beforeLast;

        /// <summary>Creates the stream.</summary>
        public Stream(double point)
        {
            _state = new State(point);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => MarketFacilitationIndex.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _beforeLast = _state;
            _state.Next(bar.High, bar.Low, bar.Volume);
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
            _state.Next(bar.High, bar.Low, bar.Volume);
        }

        /// <inheritdoc />
        public double Value(int output) => !IsReady ? double.NaN : output == 0 ? _state.Mfi : _state.Color;
    }
}
