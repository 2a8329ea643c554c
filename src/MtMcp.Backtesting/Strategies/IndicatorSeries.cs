using MtMcp.Indicators;

namespace MtMcp.Backtesting;

/// <summary>
/// The values of one indicator output as the bars arrive, kept in a small ring so a strategy can look back
/// (<c>series[0]</c> is the current bar, <c>series[1]</c> the one before). Fed by the backtester; no allocation per bar.
/// </summary>
public sealed class IndicatorSeries
{
    private readonly IStreamingIndicator _stream;
    private readonly PriceSource _source;
    private readonly int _output;
    private readonly double[] _ring;
    // The newest value's slot and how many slots hold values: wrap by comparison, not %, since every bar reads the ring.
    private int _last;
    private int _filled;

    internal IndicatorSeries(IStreamingIndicator stream, PriceSource source, int output, int history)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(output, stream.Info.Outputs.Count);
        _stream = stream;
        _source = source;
        _output = output;
        _ring = new double[history];
        _last = history - 1;
    }

    /// <summary>The value <paramref name="ago"/> bars back (0 = current); NaN during the warm-up or beyond the history kept.</summary>
    public double this[int ago]
    {
        get
        {
            if ((uint)ago >= (uint)_filled)
            {
                return double.NaN;
            }

            var slot = _last - ago;
            return _ring[slot < 0 ? slot + _ring.Length : slot];
        }
    }

    /// <summary>Whether the current value is defined.</summary>
    public bool IsReady => !double.IsNaN(this[0]);

    /// <summary>The streaming indicator behind the series.</summary>
    public IStreamingIndicator Stream => _stream;

    internal void Add(in Bar bar)
    {
        var real = _source switch
        {
            PriceSource.Open => bar.Open,
            PriceSource.High => bar.High,
            PriceSource.Low => bar.Low,
            PriceSource.Median => (bar.High + bar.Low) / 2,
            PriceSource.Typical => (bar.High + bar.Low + bar.Close) / 3,
            _ => bar.Close,
        };
        _stream.Add(new StreamBar(bar.Open, bar.High, bar.Low, bar.Close, bar.TickVolume, real, double.NaN) { Time = bar.Time });
        _last = _last + 1 == _ring.Length ? 0 : _last + 1;
        _ring[_last] = _stream.Value(_output);
        _filled = Math.Min(_filled + 1, _ring.Length);
    }

    /// <summary>
    /// backtesting.py's <c>crossover(a, b)</c>: <c>a</c> was below <c>b</c> on the previous bar and is above it now
    /// (strict on both sides, so touching is not a cross).
    /// </summary>
    public static bool CrossOver(IndicatorSeries a, IndicatorSeries b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a[1] < b[1] && a[0] > b[0];
    }
}
