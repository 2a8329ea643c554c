using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Ultimate oscillator (TA-Lib ULTOSC): the buying pressure <c>close − min(low, previous close)</c> as a fraction of
/// the true range, summed over three periods and weighted 4 : 2 : 1 from the shortest to the longest, in percent.
/// TA-Lib sorts the three periods, so their order does not matter.
/// </summary>
public static class UltOsc
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ultosc", "Ultimate Oscillator", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("time_period1", 7, 1, Guard.MaxPeriod, "Bars of one of the three windows (the shortest window weighs 4, the middle 2, the longest 1)", "period1"),
            ParameterInfo.Integer("time_period2", 14, 1, Guard.MaxPeriod, "Bars of another of the three windows", "period2"),
            ParameterInfo.Integer("time_period3", 28, 1, Guard.MaxPeriod, "Bars of the last of the three windows", "period3"),
        ],
        [new OutputInfo("real", "Ultimate oscillator, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), p.Int(2), outputs),
        p => new Stream(p.Int(0), p.Int(1), p.Int(2)));

    /// <summary>
    /// Bars without a value at the start: the longest period. (TA-Lib says 0 when all three periods are 1 and then
    /// reads before the first bar; here the first value needs a previous close, so it is 1.)
    /// </summary>
    public static int Lookback(int period1, int period2, int period3) => Math.Max(period1, Math.Max(period2, period3));

    /// <summary>
    /// Writes the oscillator into <paramref name="output"/> from the lookback on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is outside [1, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period1, int period2, int period3, Span<double> output)
    {
        var totals = new Totals(period1, period2, period3);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.Output(high.Length, output);
        var lookback = totals.Lookback;
        if (high.Length <= lookback)
        {
            return;
        }

        // Each bar's terms once (TA-Lib recomputes them for the bars leaving the windows; same values).
        var n = high.Length;
        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var pressures = buffer.AsSpan(0, n);
            var ranges = buffer.AsSpan(n, n);
            for (var day = 1; day < n; day++)
            {
                (pressures[day], ranges[day]) = Terms(high[day], low[day], close[day], close[day - 1]);
            }

            for (var day = 1; day < n; day++)
            {
                totals.Add(day, pressures[day], ranges[day]);
                if (day < lookback)
                {
                    continue;
                }

                output[day] = totals.Value;
                var leaving = day - totals.Shortest.Period + 1;
                totals.Shortest.Remove(pressures[leaving], ranges[leaving]);
                leaving = day - totals.Middle.Period + 1;
                totals.Middle.Remove(pressures[leaving], ranges[leaving]);
                leaving = day - totals.Longest.Period + 1;
                totals.Longest.Remove(pressures[leaving], ranges[leaving]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>A bar's buying pressure <c>close − true low</c> and true range.</summary>
    private static (double Pressure, double Range) Terms(double high, double low, double close, double previousClose) =>
        (close - Math.Min(low, previousClose), TRange.Of(high, low, previousClose));

    /// <summary>The running sums of one period.</summary>
    private struct Window(int period)
    {
        private double _pressure;
        private double _range;

        public readonly int Period => period;

        /// <summary>Pressure over range; 0 for no range (TA-Lib then leaves the term out, which adds the same 0).</summary>
        public readonly double Ratio => MomentumMath.IsZero(_range) ? 0.0 : _pressure / _range;

        public void Add(double pressure, double range)
        {
            _pressure += pressure;
            _range += range;
        }

        public void Remove(double pressure, double range)
        {
            _pressure -= pressure;
            _range -= range;
        }
    }

    /// <summary>The three periods' sums. A value type: copying it saves the state, for the stream's updates.</summary>
    private struct Totals
    {
        public Window Shortest;
        public Window Middle;
        public Window Longest;

        public Totals(int period1, int period2, int period3)
        {
            Guard.Period(period1, 1);
            Guard.Period(period2, 1);
            Guard.Period(period3, 1);
            var shortest = Math.Min(period1, Math.Min(period2, period3));
            var longest = Math.Max(period1, Math.Max(period2, period3));
            Shortest = new Window(shortest);
            Middle = new Window(period1 + period2 + period3 - shortest - longest);
            Longest = new Window(longest);
        }

        public readonly int Lookback => Longest.Period;

        public readonly double Value => 100.0 * (((4.0 * Shortest.Ratio) + (2.0 * Middle.Ratio) + Longest.Ratio) / 7.0);

        /// <summary>Adds the terms of bar <paramref name="day"/> to each window that has started: the last period − 1 bars before the first value, then all.</summary>
        public void Add(int day, double pressure, double range)
        {
            AddIfStarted(ref Shortest, day, pressure, range);
            AddIfStarted(ref Middle, day, pressure, range);
            AddIfStarted(ref Longest, day, pressure, range);
        }

        private readonly void AddIfStarted(ref Window window, int day, double pressure, double range)
        {
            if (day > Lookback - window.Period)
            {
                window.Add(pressure, range);
            }
        }
    }

    /// <summary>Streaming ULTOSC: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        // The terms of the last longest-period bars, to remove them when they leave a window.
        private readonly SlidingWindow _pressures;
        private readonly SlidingWindow _ranges;
        private Totals _totals;
        private Totals _totalsBefore;
        private double _close;

        // The close before the last bar's: the last bar's terms need it, and replacing the bar keeps it.
        private double _previousClose;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period is outside [1, 100000].</exception>
        public Stream(int period1, int period2, int period3)
        {
            _totals = new Totals(period1, period2, period3);
            _pressures = new SlidingWindow(_totals.Lookback);
            _ranges = new SlidingWindow(_totals.Lookback);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => UltOsc.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _totals.Lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _totalsBefore = _totals;
            _previousClose = _close;
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

            _totals = _totalsBefore;
            if (Count > 1)
            {
                _pressures.UndoPush();
                _ranges.UndoPush();
            }

            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(in StreamBar bar)
        {
            _close = bar.Close;
            var day = Count - 1;
            if (day == 0)
            {
                return;
            }

            var (pressure, range) = Terms(bar.High, bar.Low, bar.Close, _previousClose);
            _pressures.Push(pressure);
            _ranges.Push(range);
            _totals.Add(day, pressure, range);
            if (day < _totals.Lookback)
            {
                return;
            }

            _value = _totals.Value;
            Remove(ref _totals.Shortest);
            Remove(ref _totals.Middle);
            Remove(ref _totals.Longest);
        }

        // The window holds the terms of bars day − Count + 1 … day; the one leaving is period − 1 bars back.
        private void Remove(ref Window window)
        {
            var k = _pressures.Count - window.Period;
            window.Remove(_pressures[k], _ranges[k]);
        }
    }
}
