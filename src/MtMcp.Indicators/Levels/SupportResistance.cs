namespace MtMcp.Indicators;

/// <summary>
/// Support and resistance from swing points: the nearest recent swing highs above the close (resistance) and swing
/// lows below it (support). A swing high is a bar whose high is above the highs of the <c>strength</c> bars after
/// it and not below those of the <c>strength</c> bars before it (MetaTrader's fractal rule, which is strength 2); it
/// is confirmed, and joins the levels, <c>strength</c> bars later. The last <c>swings</c> confirmed swing highs and
/// lows are kept. NaN where no remembered level lies on that side of the close.
/// </summary>
public static class SupportResistance
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "support_resistance", "Support and Resistance from swing points", IndicatorGroup.Levels,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("strength", 5, 1, 1_000, "Bars on each side a swing high (low) must stand above (below)", "bars"),
            ParameterInfo.Integer("swings", 10, 1, 1_000, "Recent swing highs and swing lows remembered as levels", "memory"),
        ],
        [
            new OutputInfo("resistance_1", "Nearest remembered swing high above the close"),
            new OutputInfo("resistance_2", "Next swing high above resistance_1"),
            new OutputInfo("support_1", "Nearest remembered swing low below the close"),
            new OutputInfo("support_2", "Next swing low below support_1"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Close.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..(3 * n)], outputs[(3 * n)..]);
        },
        p => new Stream(p.Int(0), p.Int(1)));

    /// <summary>Bars without a value at the start: <c>2 · strength</c> (the first bar a swing can be confirmed at).</summary>
    public static int Lookback(int strength) => 2 * strength;

    /// <summary>Writes the levels from the lookback on; NaN where there is none.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int strength, int swings,
        Span<double> resistance1, Span<double> resistance2, Span<double> support1, Span<double> support2)
    {
        var levels = new Levels(strength, swings);
        for (var i = 0; i < close.Length; i++)
        {
            levels.Add(high[i], low[i], close[i]);
            if (i >= Lookback(strength))
            {
                (resistance1[i], resistance2[i]) = levels.Resistance();
                (support1[i], support2[i]) = levels.Support();
            }
        }
    }

    /// <summary>The remembered swing levels, with an update in place of the last bar.</summary>
    private sealed class Levels
    {
        private readonly SlidingWindow _highs;
        private readonly SlidingWindow _lows;
        private readonly LevelRing _swingHighs;
        private readonly LevelRing _swingLows;
        private bool _pushedHigh;
        private bool _pushedLow;
        private double _close = double.NaN;

        public Levels(int strength, int swings)
        {
            _highs = new SlidingWindow((2 * strength) + 1);
            _lows = new SlidingWindow((2 * strength) + 1);
            _swingHighs = new LevelRing(swings);
            _swingLows = new LevelRing(swings);
        }

        public int Count { get; private set; }

        public void Add(double high, double low, double close)
        {
            Count++;
            Step(high, low, close);
        }

        public void UpdateLast(double high, double low, double close)
        {
            if (Count == 0)
            {
                Add(high, low, close);
                return;
            }

            _highs.UndoPush();
            _lows.UndoPush();
            if (_pushedHigh)
            {
                _swingHighs.UndoPush();
            }

            if (_pushedLow)
            {
                _swingLows.UndoPush();
            }

            Step(high, low, close);
        }

        /// <summary>The nearest and the next distinct swing high above the close.</summary>
        public (double First, double Second) Resistance() => Nearest(_swingHighs.Items, _close, above: true);

        /// <summary>The nearest and the next distinct swing low below the close.</summary>
        public (double First, double Second) Support() => Nearest(_swingLows.Items, _close, above: false);

        private static (double First, double Second) Nearest(ReadOnlySpan<double> levels, double close, bool above)
        {
            var first = double.NaN;
            var second = double.NaN;
            foreach (var level in levels)
            {
                // Distance from the close on the wanted side; levels on the other side or at the close do not count.
                var distance = above ? level - close : close - level;
                if (!(distance > 0))
                {
                    continue;
                }

                var firstDistance = above ? first - close : close - first;
                var secondDistance = above ? second - close : close - second;
                if (double.IsNaN(first) || distance < firstDistance)
                {
                    second = first;
                    first = level;
                }
                else if (distance > firstDistance && (double.IsNaN(second) || distance < secondDistance))
                {
                    second = level;
                }
            }

            return (first, second);
        }

        private void Step(double high, double low, double close)
        {
            _close = close;
            _highs.Push(high);
            _lows.Push(low);
            _pushedHigh = _highs.IsFull && SwingPoints.IsHigh(_highs.Values);
            _pushedLow = _lows.IsFull && SwingPoints.IsLow(_lows.Values);
            if (_pushedHigh)
            {
                _swingHighs.Push(_highs.Values[_highs.Capacity / 2]);
            }

            if (_pushedLow)
            {
                _swingLows.Push(_lows.Values[_lows.Capacity / 2]);
            }
        }
    }

    /// <summary>The last <c>capacity</c> levels, in no particular order, with a one-step undo of the last push.</summary>
    private sealed class LevelRing(int capacity)
    {
        private readonly double[] _items = new double[capacity];
        private int _next;
        private int _count;
        private int _countBefore;
        private double _overwritten;

        public ReadOnlySpan<double> Items => _items.AsSpan(0, _count);

        public void Push(double level)
        {
            _overwritten = _items[_next];
            _countBefore = _count;
            _items[_next] = level;
            _next = _next + 1 == capacity ? 0 : _next + 1;
            _count = Math.Min(_count + 1, capacity);
        }

        public void UndoPush()
        {
            _next = _next == 0 ? capacity - 1 : _next - 1;
            _items[_next] = _overwritten;
            _count = _countBefore;
        }
    }

    /// <summary>Streaming support and resistance: O(swings) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Levels _levels;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
        public Stream(int strength, int swings)
        {
            _levels = new Levels(strength, swings);
            _lookback = Lookback(strength);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => SupportResistance.Info;

        /// <inheritdoc />
        public int Count => _levels.Count;

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _levels.Add(bar.High, bar.Low, bar.Close);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _levels.UpdateLast(bar.High, bar.Low, bar.Close);

        /// <inheritdoc />
        public double Value(int output)
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            return output switch
            {
                0 => _levels.Resistance().First,
                1 => _levels.Resistance().Second,
                2 => _levels.Support().First,
                _ => _levels.Support().Second,
            };
        }
    }
}
