using MtMcp.Domain;

namespace MtMcp.Data.Resampling;

/// <summary>
/// The forming bar while ticks are folded into it, by MT5's rules: OHLC from bid, tick volume = ticks,
/// spread = the smallest ask − bid, real volume = the sum of tick volumes. Shared by the batch and the
/// streaming paths so both build identical bars.
/// </summary>
internal struct BarAccumulator
{
    /// <summary>Open time of the bar, Unix seconds.</summary>
    public long OpenTime;

    /// <summary>Open time of the next bar, Unix milliseconds: ticks at or after it belong to a later bar.</summary>
    public long EndMs;

    private double _open;
    private double _high;
    private double _low;
    private double _close;
    private double _minSpread;
    private double _volume;
    private long _ticks;

    public void Start(Timeframe timeframe, long timeMs, double bid, double ask, double volume)
    {
        OpenTime = timeframe.BarOpenTime(Math.DivRem(timeMs, 1000, out var ms) - (ms < 0 ? 1 : 0));
        EndMs = timeframe.NextBarOpenTime(OpenTime) * 1000;
        _open = _high = _low = _close = bid;
        _minSpread = ask - bid;
        _volume = volume;
        _ticks = 1;
    }

    public void Add(double bid, double ask, double volume)
    {
        if (bid > _high)
        {
            _high = bid;
        }

        if (bid < _low)
        {
            _low = bid;
        }

        _close = bid;
        var spread = ask - bid;
        if (spread < _minSpread)
        {
            _minSpread = spread;
        }

        _volume += volume;
        _ticks++;
    }

    /// <summary>The bar so far; the spread in points rounded (rounding is monotonic, so rounding the smallest
    /// spread equals the smallest rounded spread); crossed quotes count as zero.</summary>
    public readonly Bar ToBar(double point) => new(
        OpenTime,
        _open,
        _high,
        _low,
        _close,
        _ticks,
        (int)Math.Clamp(Math.Round(_minSpread / point, MidpointRounding.AwayFromZero), 0, int.MaxValue),
        (long)Math.Round(_volume, MidpointRounding.AwayFromZero));
}
