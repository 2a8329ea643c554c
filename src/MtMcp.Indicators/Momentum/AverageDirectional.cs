using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// TA-Lib's DX and ADX on top of <see cref="DirectionalMovement"/>: DX from bar <c>period</c> on, the ADX seeded
/// with the mean of the first <c>period</c> DX values (bar <c>2·period − 1</c>), then Wilder-smoothed.
/// A value type, like <see cref="DirectionalMovement"/>.
/// </summary>
internal struct AverageDirectional
{
    // Bars per block of the seeded ADX's batch.
    private const int Block = 256;

    /// <summary>The underlying +DM, −DM and true range.</summary>
    public DirectionalMovement Movement;

    private readonly double _period;
    private readonly int _seedEnd;
    private double _dxSum;

    // Bars before the current one, counted up to 2·period (where the ADX has been seeded) and no further.
    private int _bar;

    public AverageDirectional(int period)
    {
        Movement = new DirectionalMovement(period);
        _period = period;
        _seedEnd = 2 * period;
    }

    /// <summary>TA-Lib's DX output: 0 until defined, then the last defined DX (repeated while the DX is undefined).</summary>
    public double Dx { get; private set; }

    /// <summary>The ADX, valid from bar <c>2·period − 1</c> on.</summary>
    public double Adx { get; private set; }

    /// <summary>Adds a bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double high, double low, double close)
    {
        Movement.Add(high, low, close);
        if (_bar < Movement.Period)
        {
            _bar++;
            return;
        }

        var defined = Movement.TryDx(out var dx);
        if (defined)
        {
            Dx = dx;
        }

        if (_bar == _seedEnd)
        {
            if (defined)
            {
                Adx = ((Adx * (_period - 1.0)) + dx) / _period;
            }


            return;
        }

        // An undefined DX (flat market) is left out of the seed sum but still divided by the full period.
        if (defined)
        {
            _dxSum += dx;
        }

        if (++_bar == _seedEnd)
        {
            Adx = _dxSum / _period;
        }
    }

    /// <summary>
    /// Feeds a bar as far as <paramref name="line"/> needs (no true range for the DM lines, no DX for the DI lines)
    /// and returns that line; the ADX for <see cref="DirectionalLine.Adxr"/>. <paramref name="close"/> is not read for the DM lines.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(DirectionalLine line, double high, double low, double close)
    {
        switch (line)
        {
            case DirectionalLine.PlusDm or DirectionalLine.MinusDm:
                Movement.AddMovement(high, low);
                break;
            case DirectionalLine.PlusDi or DirectionalLine.MinusDi:
                Movement.Add(high, low, close);
                break;
            default:
                Add(high, low, close);
                break;
        }

        return line switch
        {
            DirectionalLine.PlusDm => Movement.PlusDm,
            DirectionalLine.MinusDm => Movement.MinusDm,
            DirectionalLine.PlusDi => Movement.PlusDi,
            DirectionalLine.MinusDi => Movement.MinusDi,
            DirectionalLine.Dx => Dx,
            _ => Adx,
        };
    }

    /// <summary>
    /// The batch form of PLUS_DM … ADX: checks the arguments, feeds every bar and writes <paramref name="line"/> from
    /// <paramref name="lookback"/> on. The DM lines pass <paramref name="high"/> as <paramref name="close"/> (not read).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [<paramref name="minPeriod"/>, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(
        DirectionalLine line, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int period, int minPeriod, int lookback, Span<double> output)
    {
        Guard.Period(period, minPeriod);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.Output(high.Length, output);

        // The ADX past its seed (bar 2·period on) has a faster path; the other lines and the seed go bar by bar.
        var state = new AverageDirectional(period);
        var barByBar = line == DirectionalLine.Adx ? Math.Min(high.Length, 2 * period) : high.Length;
        for (var i = 0; i < barByBar; i++)
        {
            var value = state.Next(line, high[i], low[i], close[i]);
            if (i >= lookback)
            {
                output[i] = value;
            }
        }

        if (barByBar < high.Length)
        {
            state.RunAdx(high, low, close, barByBar, output);
        }
    }

    /// <summary>
    /// The seeded ADX over bars <paramref name="first"/>… in blocks. The bars' moves and true ranges, and three of the
    /// seven divisions per bar (the DX's), do not feed back, so they run vectorised over a block; the serial chains
    /// are the three smoothings and the ADX, which advances over the previous block's DX in the same loop as the
    /// smoothings of the next block, so that the chains (each a division long) overlap. Every value rounds as bar by bar.
    /// </summary>
    private void RunAdx(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int first, Span<double> output)
    {
        if (!Movement.IsSeeded || _bar != _seedEnd || first < 1)
        {
            throw new InvalidOperationException("The ADX is not seeded yet.");
        }

        Span<double> buffers = stackalloc double[4 * Block];
        var plus = buffers[..Block];
        var minus = buffers.Slice(Block, Block);
        var range = buffers.Slice(2 * Block, Block);
        var dx = buffers.Slice(3 * Block, Block);
        var smoothed = Movement.Smoothed;
        var sums = new SmoothedSums(smoothed.PlusDm, smoothed.MinusDm, smoothed.TrueRange, Adx);
        var (pending, pendingStart) = (0, first);
        for (var start = first; start < high.Length; start += Block)
        {
            var count = Math.Min(Block, high.Length - start);
            Moves(high.Slice(start - 1, count + 1), low.Slice(start - 1, count + 1), close.Slice(start - 1, count + 1), plus[..count], minus[..count], range[..count]);
            sums.Advance(_period, plus[..count], minus[..count], range[..count], dx[..pending], output.Slice(pendingStart, pending));
            Directional(plus[..count], minus[..count], range[..count], dx[..count]);
            (pending, pendingStart) = (count, start);
        }

        sums.Advance(_period, [], [], [], dx[..pending], output.Slice(pendingStart, pending));
        var last = high.Length - 1;
        Movement.Smoothed = new(high[last], low[last], close[last], sums.PlusDm, sums.MinusDm, sums.TrueRange);
        Adx = sums.Adx;
    }

    /// <summary>
    /// The +DM, −DM and true range of each bar after the first of <paramref name="high"/>, <paramref name="low"/> and
    /// <paramref name="close"/>, vectorised: the lanes round as <see cref="DirectionalMovement.Moves"/> and <see cref="TRange.Of"/>.
    /// </summary>
    private static void Moves(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> plusDm, Span<double> minusDm, Span<double> trueRange)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var zero = Vector512<double>.Zero;
            for (; j <= plusDm.Length - Vector512<double>.Count; j += Vector512<double>.Count)
            {
                var (h, l, previousClose) = (Vector512.Create(high[(j + 1)..]), Vector512.Create(low[(j + 1)..]), Vector512.Create(close[j..]));
                var up = h - Vector512.Create(high[j..]);
                var down = Vector512.Create(low[j..]) - l;
                Vector512.ConditionalSelect(Vector512.GreaterThan(up, zero) & Vector512.GreaterThan(up, down), up, zero).CopyTo(plusDm[j..]);
                Vector512.ConditionalSelect(Vector512.GreaterThan(down, zero) & Vector512.GreaterThan(down, up), down, zero).CopyTo(minusDm[j..]);
                Vector512.Max(h - l, Vector512.Max(Vector512.Abs(previousClose - h), Vector512.Abs(previousClose - l))).CopyTo(trueRange[j..]);
            }
        }

        for (; j < plusDm.Length; j++)
        {
            (plusDm[j], minusDm[j]) = DirectionalMovement.Moves(high[j + 1], low[j + 1], high[j], low[j]);
            trueRange[j] = TRange.Of(high[j + 1], low[j + 1], close[j]);
        }
    }

    /// <summary>
    /// The DX of each bar from its smoothed sums, as <see cref="DirectionalMovement.TryDx(double, double, double, out double)"/>
    /// (NaN where undefined), vectorised: the lanes round as the scalar form.
    /// </summary>
    private static void Directional(ReadOnlySpan<double> plusDm, ReadOnlySpan<double> minusDm, ReadOnlySpan<double> trueRange, Span<double> dx)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var (hundred, epsilon, nan) = (Vector512.Create(100.0), Vector512.Create(MomentumMath.Epsilon), Vector512.Create(double.NaN));
            for (; j <= dx.Length - Vector512<double>.Count; j += Vector512<double>.Count)
            {
                var range = Vector512.Create(trueRange[j..]);
                var minus = hundred * (Vector512.Create(minusDm[j..]) / range);
                var plus = hundred * (Vector512.Create(plusDm[j..]) / range);
                var sum = minus + plus;
                var value = hundred * (Vector512.Abs(minus - plus) / sum);
                var defined = ~(Vector512.GreaterThan(range, -epsilon) & Vector512.LessThan(range, epsilon))
                    & ~(Vector512.GreaterThan(sum, -epsilon) & Vector512.LessThan(sum, epsilon));
                Vector512.ConditionalSelect(defined, value, nan).CopyTo(dx[j..]);
            }
        }

        for (; j < dx.Length; j++)
        {
            dx[j] = DirectionalMovement.TryDx(plusDm[j], minusDm[j], trueRange[j], out var value) ? value : double.NaN;
        }
    }

    /// <summary>The smoothed sums and the ADX past the seed, advanced a block at a time.</summary>
    private struct SmoothedSums(double plusDm, double minusDm, double trueRange, double adx)
    {
        public double PlusDm = plusDm;
        public double MinusDm = minusDm;
        public double TrueRange = trueRange;
        public double Adx = adx;

        /// <summary>
        /// Smooths the bars of a block, replacing each bar's +DM, −DM and true range by the sums after it, and in the
        /// same loop advances the ADX over <paramref name="dx"/> (the previous block's; NaN leaves the ADX as it is),
        /// writing it into <paramref name="adxOutput"/>.
        /// </summary>
        public void Advance(double period, Span<double> plusDm, Span<double> minusDm, Span<double> trueRange, ReadOnlySpan<double> dx, Span<double> adxOutput)
        {
            var count = plusDm.Length;
            if (minusDm.Length != count || trueRange.Length != count || adxOutput.Length != dx.Length)
            {
                throw new ArgumentException("The block's spans differ in length.", nameof(plusDm));
            }

            var (p, m, t, adx) = (PlusDm, MinusDm, TrueRange, Adx);
            var both = Math.Min(count, dx.Length);
            ref var plus = ref MemoryMarshal.GetReference(plusDm);
            ref var minus = ref MemoryMarshal.GetReference(minusDm);
            ref var range = ref MemoryMarshal.GetReference(trueRange);
            ref var directional = ref MemoryMarshal.GetReference(dx);
            ref var output = ref MemoryMarshal.GetReference(adxOutput);
            nint j = 0;
            unchecked
            {
                // Unchecked references: every index stays below the lengths checked above.
                for (; j < both; j++)
                {
                    Unsafe.Add(ref plus, j) = p = DirectionalMovement.Smooth(p, period, Unsafe.Add(ref plus, j));
                    Unsafe.Add(ref minus, j) = m = DirectionalMovement.Smooth(m, period, Unsafe.Add(ref minus, j));
                    Unsafe.Add(ref range, j) = t = DirectionalMovement.Smooth(t, period, Unsafe.Add(ref range, j));
                    Unsafe.Add(ref output, j) = adx = Next(adx, period, Unsafe.Add(ref directional, j));
                }

                for (var k = j; k < count; k++)
                {
                    Unsafe.Add(ref plus, k) = p = DirectionalMovement.Smooth(p, period, Unsafe.Add(ref plus, k));
                    Unsafe.Add(ref minus, k) = m = DirectionalMovement.Smooth(m, period, Unsafe.Add(ref minus, k));
                    Unsafe.Add(ref range, k) = t = DirectionalMovement.Smooth(t, period, Unsafe.Add(ref range, k));
                }

                for (var k = j; k < dx.Length; k++)
                {
                    Unsafe.Add(ref output, k) = adx = Next(adx, period, Unsafe.Add(ref directional, k));
                }
            }

            (PlusDm, MinusDm, TrueRange, Adx) = (p, m, t, adx);
        }

        // Wilder's smoothing of the DX, as in Add; an undefined DX leaves the ADX as it is.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Next(double adx, double period, double dx) => double.IsNaN(dx) ? adx : ((adx * (period - 1.0)) + dx) / period;
    }
}

/// <summary>The line a directional movement stream or batch reports.</summary>
internal enum DirectionalLine
{
    PlusDm,
    MinusDm,
    PlusDi,
    MinusDi,
    Dx,
    Adx,
    Adxr,
}
