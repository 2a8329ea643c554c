using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Ultimate oscillator (TA-Lib ULTOSC): the buying pressure <c>close − min(low, previous close)</c> as a fraction of
/// the true range, summed over three periods and weighted 4 : 2 : 1 from the shortest to the longest, in percent.
/// TA-Lib sorts the three periods, so their order does not matter.
/// </summary>
public static class UltOsc
{
    // Bars per block of the batch, the per-bar running sums kept for a block, and the scratch on the stack (doubles).
    private const int Block = 256;
    private const int Sums = 6;
    private const int StackLimit = 4096;

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

        // Blocks of bars: the terms of a block are computed vectorised into a buffer that also keeps the terms of
        // the longest period before the block (the bars leaving the windows); the running sums stay serial (in
        // TA-Lib's order) and are kept per bar, so that the divisions then run vectorised over the block.
        var n = high.Length;
        var length = lookback + Block;
        var need = (2 * length) + (Sums * Block);
        var rented = need > StackLimit ? ArrayPool<double>.Shared.Rent(need) : null;
        var scratch = rented is null ? stackalloc double[StackLimit] : rented.AsSpan();
        var pressures = scratch[..length];
        var ranges = scratch.Slice(length, length);
        var sums = scratch.Slice(2 * length, Sums * Block);
        try
        {
            // The bars before the first value prime the windows, as in TA-Lib (bar 0 has no terms and leaves no window).
            TermsOf(high[1..lookback], low[1..lookback], close[1..lookback], close[..(lookback - 1)], pressures[1..lookback], ranges[1..lookback]);
            for (var day = 1; day < lookback; day++)
            {
                totals.Add(day, pressures[day], ranges[day]);
            }

            for (var start = lookback; start < n; start += Block)
            {
                var count = Math.Min(Block, n - start);
                var end = start + count;
                TermsOf(high[start..end], low[start..end], close[start..end], close[(start - 1)..(end - 1)], pressures.Slice(lookback, count), ranges.Slice(lookback, count));
                totals.RunBlock(pressures[..(lookback + count)], ranges[..(lookback + count)], sums);
                Values(sums, count, output.Slice(start, count));

                // Keep the terms of the last bars for the next block.
                pressures.Slice(count, lookback).CopyTo(pressures);
                ranges.Slice(count, lookback).CopyTo(ranges);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A bar's buying pressure <c>close − true low</c> and true range.</summary>
    private static (double Pressure, double Range) Terms(double high, double low, double close, double previousClose) =>
        (close - Math.Min(low, previousClose), TRange.Of(high, low, previousClose));

    /// <summary>The terms of consecutive bars, vectorised; the lanes round as <see cref="Terms"/>.</summary>
    private static void TermsOf(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> previousClose,
        Span<double> pressures, Span<double> ranges)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= close.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var (h, l, c, p) = (new Vector<double>(high[i..]), new Vector<double>(low[i..]), new Vector<double>(close[i..]), new Vector<double>(previousClose[i..]));
                (c - Vector.Min(l, p)).CopyTo(pressures[i..]);

                // TRange.Of, lane by lane (maxima are exact).
                Vector.Max(h - l, Vector.Max(Vector.Abs(p - h), Vector.Abs(p - l))).CopyTo(ranges[i..]);
            }
        }

        for (; i < close.Length; i++)
        {
            (pressures[i], ranges[i]) = Terms(high[i], low[i], close[i], previousClose[i]);
        }
    }

    /// <summary>The oscillator from the sums <see cref="Totals.RunBlock"/> kept for <paramref name="count"/> bars.</summary>
    private static void Values(ReadOnlySpan<double> sums, int count, Span<double> output)
    {
        var a1 = sums[..Block];
        var b1 = sums.Slice(Block, Block);
        var a2 = sums.Slice(2 * Block, Block);
        var b2 = sums.Slice(3 * Block, Block);
        var a3 = sums.Slice(4 * Block, Block);
        var b3 = sums.Slice(5 * Block, Block);
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= count - Vector512<double>.Count; j += Vector512<double>.Count)
            {
                var r1 = Ratio(Vector512.Create(a1[j..]), Vector512.Create(b1[j..]));
                var r2 = Ratio(Vector512.Create(a2[j..]), Vector512.Create(b2[j..]));
                var r3 = Ratio(Vector512.Create(a3[j..]), Vector512.Create(b3[j..]));
                var value = Vector512.Create(100.0) * ((((Vector512.Create(4.0) * r1) + (Vector512.Create(2.0) * r2)) + r3) / Vector512.Create(7.0));
                value.CopyTo(output[j..]);
            }
        }

        for (; j < count; j++)
        {
            output[j] = Value(Window.RatioOf(a1[j], b1[j]), Window.RatioOf(a2[j], b2[j]), Window.RatioOf(a3[j], b3[j]));
        }
    }

    private static Vector512<double> Ratio(Vector512<double> pressure, Vector512<double> range)
    {
        var epsilon = Vector512.Create(MomentumMath.Epsilon);
        var zero = Vector512.GreaterThan(range, -epsilon) & Vector512.LessThan(range, epsilon);
        return Vector512.ConditionalSelect(zero, Vector512<double>.Zero, pressure / range);
    }

    /// <summary>The oscillator from the three windows' ratios, weighted 4 : 2 : 1, in TA-Lib's order.</summary>
    private static double Value(double ratio1, double ratio2, double ratio3) => 100.0 * (((4.0 * ratio1) + (2.0 * ratio2) + ratio3) / 7.0);

    /// <summary>The running sums of one period.</summary>
    private struct Window(int period, double pressure = 0.0, double range = 0.0)
    {
        private double _pressure = pressure;
        private double _range = range;

        public readonly int Period => period;

        /// <summary>Pressure over range; 0 for no range (TA-Lib then leaves the term out, which adds the same 0).</summary>
        public readonly double Ratio => RatioOf(_pressure, _range);

        public readonly double Pressure => _pressure;

        public readonly double Range => _range;

        public static double RatioOf(double pressure, double range) => MomentumMath.IsZero(range) ? 0.0 : pressure / range;

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

        public readonly double Value => UltOsc.Value(Shortest.Ratio, Middle.Ratio, Longest.Ratio);

        /// <summary>Adds the terms of bar <paramref name="day"/> to each window that has started: the last period − 1 bars before the first value, then all.</summary>
        public void Add(int day, double pressure, double range)
        {
            AddIfStarted(ref Shortest, day, pressure, range);
            AddIfStarted(ref Middle, day, pressure, range);
            AddIfStarted(ref Longest, day, pressure, range);
        }

        /// <summary>
        /// Runs the windows over the bars of a block, whose terms follow the terms of the <see cref="Lookback"/> bars
        /// before it in <paramref name="pressures"/> and <paramref name="ranges"/>: adds each bar, keeps the six sums in
        /// <paramref name="sums"/> (pressure and range of each window, <see cref="Block"/> apart), removes the bars
        /// leaving. TA-Lib's order of additions; the state lives in registers during the loop.
        /// </summary>
        public void RunBlock(ReadOnlySpan<double> pressures, ReadOnlySpan<double> ranges, Span<double> sums)
        {
            var first = Lookback;
            var count = pressures.Length - first;
            if (count is <= 0 or > Block || ranges.Length != pressures.Length || sums.Length < Sums * Block)
            {
                throw new ArgumentException("The term buffers do not match the block.", nameof(pressures));
            }

            var (a1, b1, a2, b2, a3, b3) = (Shortest.Pressure, Shortest.Range, Middle.Pressure, Middle.Range, Longest.Pressure, Longest.Range);
            unchecked
            {
                // Offsets of the bars leaving each window from today's bar; all within the buffers by the check above.
                var (leave1, leave2, leave3) = ((nint)(Shortest.Period - 1), (nint)(Middle.Period - 1), (nint)(Longest.Period - 1));
                ref var p = ref Unsafe.Add(ref MemoryMarshal.GetReference(pressures), first);
                ref var r = ref Unsafe.Add(ref MemoryMarshal.GetReference(ranges), first);
                ref var s = ref MemoryMarshal.GetReference(sums);
                for (nint j = 0; j < count; j++)
                {
                    var (pressure, range) = (Unsafe.Add(ref p, j), Unsafe.Add(ref r, j));
                    a1 += pressure;
                    a2 += pressure;
                    a3 += pressure;
                    b1 += range;
                    b2 += range;
                    b3 += range;
                    Unsafe.Add(ref s, j) = a1;
                    Unsafe.Add(ref s, j + Block) = b1;
                    Unsafe.Add(ref s, j + (2 * Block)) = a2;
                    Unsafe.Add(ref s, j + (3 * Block)) = b2;
                    Unsafe.Add(ref s, j + (4 * Block)) = a3;
                    Unsafe.Add(ref s, j + (5 * Block)) = b3;
                    a1 -= Unsafe.Add(ref p, j - leave1);
                    b1 -= Unsafe.Add(ref r, j - leave1);
                    a2 -= Unsafe.Add(ref p, j - leave2);
                    b2 -= Unsafe.Add(ref r, j - leave2);
                    a3 -= Unsafe.Add(ref p, j - leave3);
                    b3 -= Unsafe.Add(ref r, j - leave3);
                }
            }

            Shortest = new Window(Shortest.Period, a1, b1);
            Middle = new Window(Middle.Period, a2, b2);
            Longest = new Window(Longest.Period, a3, b3);
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
