using MtMcp.Backtesting;

namespace MtMcp.Live.Tests;

/// <summary>Bar history built from the first <see cref="Seen"/> ticks: what a restarted server's bar store would hold.</summary>
internal sealed class TickHistory(Tick[] ticks, double point) : IBarHistory
{
    public int Seen { get; set; }

    public IReadOnlyList<Bar> Bars(string symbol, Timeframe timeframe, long? fromTime, long throughTime, int count)
    {
        var builder = new TickBars(timeframe, point);
        var bars = new List<Bar>();
        for (var i = 0; i < Seen; i++)
        {
            if (builder.Add(ticks[i], out var closed))
            {
                bars.Add(closed);
            }
        }

        if (builder.HasBar)
        {
            bars.Add(builder.Current);
        }

        return [.. bars.Where(b => b.Time >= (fromTime ?? long.MinValue) && b.Time <= throughTime).TakeLast(count)];
    }
}
