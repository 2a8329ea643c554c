using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// One average of the MACD family: a moving average of a TA-Lib type, or an EMA with an explicit smoothing
/// factor (MACDFIX's fixed 0.15 and 0.075).
/// </summary>
internal readonly record struct MacdAverage(MaType Type, int Period, double K)
{
    public static MacdAverage OfType(MaType type, int period) => new(type, period, double.NaN);

    public static MacdAverage Exponential(int period, double k) => new(MaType.Ema, period, k);

    public int Lookback => HasFactor ? Ema.Lookback(Period) : MovingAverage.Lookback(Type, Period);

    private bool HasFactor => !double.IsNaN(K);

    public void Compute(ReadOnlySpan<double> real, Span<double> output)
    {
        if (HasFactor)
        {
            Ema.Compute(real, Period, K, output);
        }
        else
        {
            MovingAverage.Compute(Type, real, Period, output);
        }
    }

    public IValueStream CreateStream() => HasFactor ? new Ema.ValueStream(Period, K) : MovingAverage.CreateStream(Type, Period);
}

/// <summary>
/// MACD, MACDEXT and MACDFIX: fast average − slow average, its signal average, and their difference.
/// As in TA-Lib both averages start where the one with the longer lookback produces its first value,
/// so the other is seeded later than it would be alone (for an EMA, with the SMA of the bars just before).
/// </summary>
internal static class MacdCore
{
    /// <summary>
    /// TA-Lib documents 1 as the smallest signal period of MACD and MACDFIX, but its EMA lookback is −1 for a
    /// period of 1, and those two functions then return misaligned values read from outside their buffer.
    /// We accept 2 and up there (MACDEXT, whose averages go through TA-Lib's MA, handles 1 correctly).
    /// </summary>
    public const int MinEmaSignalPeriod = 2;

    public static int Lookback(in MacdAverage fast, in MacdAverage slow, in MacdAverage signal) =>
        Math.Max(fast.Lookback, slow.Lookback) + signal.Lookback;

    public static void Compute(
        ReadOnlySpan<double> real, in MacdAverage fast, in MacdAverage slow, in MacdAverage signal,
        Span<double> macd, Span<double> macdSignal, Span<double> macdHist)
    {
        var n = real.Length;
        Guard.Output(n, macd);
        Guard.Output(n, macdSignal);
        Guard.Output(n, macdHist);
        var start = Math.Max(fast.Lookback, slow.Lookback);
        var lookback = start + signal.Lookback;
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            // Each average sees the data from `start − its lookback` on, so both have their first value at `start`.
            var line = buffer.AsSpan(0, n);
            var slowLine = buffer.AsSpan(n, n);
            var fastFrom = start - fast.Lookback;
            var slowFrom = start - slow.Lookback;
            fast.Compute(real[fastFrom..], line[fastFrom..]);
            slow.Compute(real[slowFrom..], slowLine[slowFrom..]);
            for (var i = start; i < n; i++)
            {
                line[i] -= slowLine[i];
            }

            signal.Compute(line[start..], macdSignal[start..]);
            for (var i = lookback; i < n; i++)
            {
                macd[i] = line[i];
                macdHist[i] = line[i] - macdSignal[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}

/// <summary>The streaming form shared by <see cref="Macd"/>, <see cref="MacdExt"/> and <see cref="MacdFix"/>: O(1) per bar when the averages are.</summary>
public abstract class MacdStreamBase : IStreamingIndicator
{
    private readonly IValueStream _fast;
    private readonly IValueStream _slow;
    private readonly IValueStream _signal;
    private readonly int _fastFrom;
    private readonly int _slowFrom;
    private readonly int _start;
    private readonly int _lookback;
    private double _macd = double.NaN;
    private double _macdSignal = double.NaN;
    private double _macdHist = double.NaN;

    private protected MacdStreamBase(MacdAverage fast, MacdAverage slow, MacdAverage signal)
    {
        _fast = fast.CreateStream();
        _slow = slow.CreateStream();
        _signal = signal.CreateStream();
        _start = Math.Max(fast.Lookback, slow.Lookback);
        _fastFrom = _start - fast.Lookback;
        _slowFrom = _start - slow.Lookback;
        _lookback = MacdCore.Lookback(fast, slow, signal);
    }

    /// <inheritdoc />
    public abstract IndicatorInfo Info { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => Count > _lookback;

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        Count++;
        Step(bar.Real0, replace: false);
    }

    /// <inheritdoc />
    public void UpdateLast(in StreamBar bar)
    {
        if (Count == 0)
        {
            Add(bar);
            return;
        }

        Step(bar.Real0, replace: true);
    }

    /// <inheritdoc />
    public double Value(int output) => output switch
    {
        0 => _macd,
        1 => _macdSignal,
        _ => _macdHist,
    };

    private void Step(double x, bool replace)
    {
        // The same starting bars as the batch form: each average is fed from its own first bar on.
        var index = Count - 1;
        var fast = index >= _fastFrom ? _fast.Feed(x, replace) : double.NaN;
        var slow = index >= _slowFrom ? _slow.Feed(x, replace) : double.NaN;
        var macd = fast - slow;
        var signal = index >= _start ? _signal.Feed(macd, replace) : double.NaN;
        if (IsReady)
        {
            (_macd, _macdSignal, _macdHist) = (macd, signal, macd - signal);
        }
    }
}
