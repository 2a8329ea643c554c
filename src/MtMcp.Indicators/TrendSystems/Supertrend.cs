using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Supertrend: bands <c>multiplier · ATR</c> above and below the median price <c>(high + low) / 2</c>, ratcheted
/// so that the upper band only falls and the lower band only rises while the trend holds. In an up-trend the line
/// is the lower band; the trend turns down when the close falls below it, and up again when the close rises above
/// the upper band. ATR is TA-Lib's (Wilder's smoothing). The band rule and the start are TradingView's
/// <c>ta.supertrend</c>: a band takes its new value when that is tighter or when the previous close crossed the
/// previous band, and the first bar with an ATR starts in a down-trend.
/// </summary>
public static class Supertrend
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "supertrend", "Supertrend", IndicatorGroup.TrendSystems,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("atr_period", 10, 1, 100_000, "Period of the average true range", "period"),
            ParameterInfo.Real("multiplier", 3, 0, 1_000, "Band distance from the median price, in ATRs", "factor"),
        ],
        [
            new OutputInfo("supertrend", "The trailing line: the lower band in an up-trend, the upper band in a down-trend"),
            new OutputInfo("direction", "+1 up-trend (line below the price), −1 down-trend (line above)", IsInteger: true),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Close.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Real(1), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0), p.Real(1)));

    /// <summary>Bars without a value at the start: the ATR's, <c>atr_period</c>.</summary>
    public static int Lookback(int atrPeriod) => Atr.Lookback(atrPeriod);

    /// <summary>Writes the line and the direction from the lookback on; earlier entries are left as they are.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int atrPeriod, double multiplier,
        Span<double> supertrend, Span<double> direction)
    {
        var n = close.Length;
        var lookback = Lookback(atrPeriod);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var atr = buffer.AsSpan(0, n);
            Atr.Compute(high, low, close, atrPeriod, atr);
            var state = new State(multiplier);
            for (var i = lookback; i < n; i++)
            {
                state.Next(high[i], low[i], close[i - 1], close[i], atr[i]);
                supertrend[i] = state.Line;
                direction[i] = state.Direction;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>The ratcheted bands and the trend as a value; copying it saves the state.</summary>
    private struct State(double multiplier)
    {
        private double _upper = double.NaN;
        private double _lower = double.NaN;

        /// <summary>+1 up, −1 down; 0 before the first bar.</summary>
        public int Direction { get; private set; }

        public readonly double Line => Direction > 0 ? _lower : _upper;

        public void Next(double high, double low, double previousClose, double close, double atr)
        {
            var median = (high + low) / 2;
            var upper = median + (multiplier * atr);
            var lower = median - (multiplier * atr);
            var first = Direction == 0;

            // A band moves only towards the price, unless the previous close broke through it.
            if (!first && !(upper < _upper || previousClose > _upper))
            {
                upper = _upper;
            }

            if (!first && !(lower > _lower || previousClose < _lower))
            {
                lower = _lower;
            }

            Direction = first ? -1 : Direction < 0 ? (close > upper ? 1 : -1) : (close < lower ? -1 : 1);
            _upper = upper;
            _lower = lower;
        }
    }

    /// <summary>Streaming Supertrend: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Atr.Stream _atr;
        private readonly int _lookback;
        private State _state;
        private State _beforeLast;
        private double _previousClose = double.NaN;
        private double _close = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int atrPeriod, double multiplier)
        {
            _atr = new Atr.Stream(atrPeriod);
            _lookback = Lookback(atrPeriod);
            _state = new State(multiplier);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Supertrend.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _previousClose = _close;
            _beforeLast = _state;
            _atr.Add(bar);
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

            _state = _beforeLast;
            _atr.UpdateLast(bar);
            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => !IsReady ? double.NaN : output == 0 ? _state.Line : _state.Direction;

        private void Step(in StreamBar bar)
        {
            _close = bar.Close;
            if (IsReady)
            {
                _state.Next(bar.High, bar.Low, _previousClose, bar.Close, _atr.Value(0));
            }
        }
    }
}
