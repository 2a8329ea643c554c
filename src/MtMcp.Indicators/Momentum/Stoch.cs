using System.Buffers;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Slow stochastic (TA-Lib STOCH): the raw %K of the last <c>fast_k_period</c> bars smoothed into slow %K,
/// and slow %D, the moving average of slow %K. The classic "stochastic oscillator" of charting packages.
/// </summary>
public static class Stoch
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "stoch", "Stochastic", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("fast_k_period", 5, 1, 100_000, "Bars in the high–low range of the raw %K", "k_period"),
            ParameterInfo.Integer("slow_k_period", 3, 1, 100_000, "Smoothing of the raw %K into slow %K (MetaTrader's slowing)", "slowing"),
            ParameterInfo.MovingAverage("slow_k_ma_type", MaType.Sma, "Moving average of slow %K", "k_ma_type"),
            ParameterInfo.Integer("slow_d_period", 3, 1, 100_000, "Smoothing of slow %K into slow %D", "d_period"),
            ParameterInfo.MovingAverage("slow_d_ma_type", MaType.Sma, "Moving average of slow %D", "d_ma_type"),
        ],
        [new OutputInfo("slow_k", "Slow %K, 0 to 100"), new OutputInfo("slow_d", "Slow %D: moving average of slow %K")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Ma(2), p.Int(3), p.Ma(4)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), p.Ma(2), p.Int(3), p.Ma(4), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Ma(2), p.Int(3), p.Ma(4)));

    /// <summary>Bars without a value at the start: <c>fast_k_period − 1</c> plus both averages' lookbacks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
    public static int Lookback(int fastKPeriod, int slowKPeriod, MaType slowKMaType, int slowDPeriod, MaType slowDMaType)
    {
        Guard.Period(fastKPeriod, 1);
        Guard.Period(slowKPeriod, 1);
        Guard.Period(slowDPeriod, 1);
        return RawStochastic.Lookback(fastKPeriod) + MovingAverage.Lookback(slowKMaType, slowKPeriod) + MovingAverage.Lookback(slowDMaType, slowDPeriod);
    }

    /// <summary>
    /// Writes slow %K into <paramref name="slowK"/> and slow %D into <paramref name="slowD"/> from the lookback on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
    /// <exception cref="ArgumentException">Inputs of different lengths, or an output shorter than the input.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int fastKPeriod, int slowKPeriod, MaType slowKMaType, int slowDPeriod, MaType slowDMaType,
        Span<double> slowK, Span<double> slowD)
    {
        var lookback = Lookback(fastKPeriod, slowKPeriod, slowKMaType, slowDPeriod, slowDMaType);
        var n = high.Length;
        Guard.SameLength(n, low);
        Guard.SameLength(n, close);
        Guard.Output(n, slowK);
        Guard.Output(n, slowD);
        if (n <= lookback)
        {
            return;
        }

        if (slowKMaType == MaType.Sma && slowDMaType == MaType.Sma)
        {
            ComputeSmaSma(high, low, close, fastKPeriod, slowKPeriod, slowDPeriod, slowK, slowD);
            return;
        }

        var kLookback = RawStochastic.Lookback(fastKPeriod);
        var slowKLookback = kLookback + MovingAverage.Lookback(slowKMaType, slowKPeriod);
        // Slow %K exists from slowKLookback on, but is reported only where slow %D exists too (as TA-Lib does).
        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var rawK = buffer.AsSpan(0, n);
            var smoothK = buffer.AsSpan(n, n);
            RawStochastic.Compute(high, low, close, fastKPeriod, rawK);
            MovingAverage.Compute(slowKMaType, rawK[kLookback..], slowKPeriod, smoothK[kLookback..]);
            MovingAverage.Compute(slowDMaType, smoothK[slowKLookback..], slowDPeriod, slowD[slowKLookback..]);
            smoothK[lookback..].CopyTo(slowK[lookback..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The default (both averages simple) in one pass over blocks of bars: %K of a block vectorised, then both running
    /// sums in one serial loop (TA-Lib's order of additions, as <see cref="Sma.ComputeSerial"/>), then slow %D's
    /// divisions vectorised. Each sum starts at 0 with zeros before its first input, which adds and removes exact
    /// zeros: the same bits as priming it.
    /// </summary>
    private static void ComputeSmaSma(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int fastKPeriod, int slowKPeriod, int slowDPeriod, Span<double> slowK, Span<double> slowD)
    {
        const int Block = RawStochastic.Block;
        var n = close.Length;
        var kLookback = RawStochastic.Lookback(fastKPeriod);
        var slowKLookback = kLookback + slowKPeriod - 1;
        var lookback = slowKLookback + slowDPeriod - 1;

        // Per block: the extremes, %K after the slowKPeriod − 1 values before the block, slow %K after the
        // slowDPeriod − 1 before the block, and the totals of slow %D.
        var (kHistory, dHistory) = (slowKPeriod - 1, slowDPeriod - 1);
        var windowScratch = WindowExtreme.HighLowWindows.ScratchLength(fastKPeriod);
        var needed = windowScratch + (5 * Block) + kHistory + dHistory;
        var rented = needed > RawStochastic.StackLimit ? ArrayPool<double>.Shared.Rent(needed) : null;
        var scratch = rented is null ? stackalloc double[RawStochastic.StackLimit] : rented.AsSpan();
        scratch[..needed].Clear();
        try
        {
            var windows = new WindowExtreme.HighLowWindows(high, low, fastKPeriod, scratch[..windowScratch]);
            var rest = scratch[windowScratch..];
            var highest = rest[..Block];
            var lowest = rest.Slice(Block, Block);
            var totalsD = rest.Slice(2 * Block, Block);
            var rawK = rest.Slice(3 * Block, kHistory + Block);
            var smoothK = rest.Slice((3 * Block) + kHistory + Block, dHistory + Block);
            var (sumK, sumD) = (0.0, 0.0);
            for (var start = kLookback; start < n; start += Block)
            {
                var count = Math.Min(Block, n - start);
                windows.Fill(highest[..count], lowest[..count]);
                RawStochastic.Values(close.Slice(start, count), highest[..count], lowest[..count], rawK.Slice(kHistory, count));

                // Slow %K before its first full window is not an input of slow %D yet: zeros.
                var zeros = Math.Clamp(slowKLookback - start, 0, count);
                Sums(rawK[..(kHistory + count)], smoothK[..(dHistory + count)], slowKPeriod, zeros, ref sumK, ref sumD, totalsD[..count]);

                var from = Math.Clamp(lookback - start, 0, count);
                smoothK.Slice(dHistory + from, count - from).CopyTo(slowK.Slice(start + from, count - from));
                Divide(totalsD[from..count], slowDPeriod, slowD.Slice(start + from, count - from));
                rawK.Slice(count, kHistory).CopyTo(rawK);
                smoothK.Slice(count, dHistory).CopyTo(smoothK);
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

    /// <summary>
    /// Runs both sums over a block of <c>totalsD.Length</c> bars: <paramref name="rawK"/> and <paramref name="smoothK"/>
    /// hold the values before the block (one less than each window) and then the block; writes slow %K into
    /// <paramref name="smoothK"/>, zeros for the first <paramref name="zeros"/> bars, and slow %D's totals into
    /// <paramref name="totalsD"/>. A method of its own: the caller's locals live across a try block, which keeps
    /// them in memory.
    /// </summary>
    private static void Sums(
        ReadOnlySpan<double> rawK, Span<double> smoothK, int slowKPeriod, int zeros, ref double sumK, ref double sumD, Span<double> totalsD)
    {
        var kHistory = rawK.Length - totalsD.Length;
        var dHistory = smoothK.Length - totalsD.Length;
        var (k, d) = (sumK, sumD);
        for (var j = 0; j < totalsD.Length; j++)
        {
            var totalK = k + rawK[kHistory + j];
            k = totalK - rawK[j];
            var value = j < zeros ? 0.0 : totalK / slowKPeriod;
            smoothK[dHistory + j] = value;
            var totalD = d + value;
            d = totalD - smoothK[j];
            totalsD[j] = totalD;
        }

        (sumK, sumD) = (k, d);
    }

    /// <summary><c>totals[i] / period</c>, vectorised (the lanes round as the scalar division).</summary>
    private static void Divide(ReadOnlySpan<double> totals, int period, Span<double> output)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var divisor = Vector512.Create((double)period);
            for (; i <= totals.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                (Vector512.Create(totals[i..]) / divisor).CopyTo(output[i..]);
            }
        }

        for (; i < totals.Length; i++)
        {
            output[i] = totals[i] / period;
        }
    }

    /// <summary>Streaming slow stochastic: O(1) amortised per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly RawStochastic.Stream _rawK;
        private readonly IValueStream _slowK;
        private readonly IValueStream _slowD;
        private readonly int _kLookback;
        private readonly int _slowKLookback;
        private readonly int _lookback;
        private double _slowKValue = double.NaN;
        private double _slowDValue = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
        public Stream(int fastKPeriod, int slowKPeriod, MaType slowKMaType, int slowDPeriod, MaType slowDMaType)
        {
            _lookback = Lookback(fastKPeriod, slowKPeriod, slowKMaType, slowDPeriod, slowDMaType);
            _rawK = new RawStochastic.Stream(fastKPeriod);
            _slowK = MovingAverage.CreateStream(slowKMaType, slowKPeriod);
            _slowD = MovingAverage.CreateStream(slowDMaType, slowDPeriod);
            _kLookback = RawStochastic.Lookback(fastKPeriod);
            _slowKLookback = _kLookback + MovingAverage.Lookback(slowKMaType, slowKPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Stoch.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            Step(bar, replace: false);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            Step(bar, replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => output == 0 ? _slowKValue : _slowDValue;

        private void Step(in StreamBar bar, bool replace)
        {
            // Each stage starts at the bar where its input first exists, as the batch form slices it.
            var rawK = replace ? _rawK.UpdateLast(bar.High, bar.Low, bar.Close) : _rawK.Add(bar.High, bar.Low, bar.Close);
            var slowK = Count > _kLookback ? _slowK.Feed(rawK, replace) : double.NaN;
            var slowD = Count > _slowKLookback ? _slowD.Feed(slowK, replace) : double.NaN;
            var ready = IsReady;
            _slowKValue = ready ? slowK : double.NaN;
            _slowDValue = ready ? slowD : double.NaN;
        }
    }
}
