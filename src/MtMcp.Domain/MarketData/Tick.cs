using System.Runtime.InteropServices;

namespace MtMcp.Domain;

/// <summary>One price tick in the layout of MetaTrader's MqlTick.</summary>
/// <param name="TimeMs">Time of the tick, Unix milliseconds, UTC (MqlTick.time_msc).</param>
/// <param name="Bid">Bid price.</param>
/// <param name="Ask">Ask price.</param>
/// <param name="Last">Last deal price; 0 where the venue reports none (forex).</param>
/// <param name="Volume">Volume of the last deal, in lots; 0 where none.</param>
/// <param name="Flags">Which fields this tick changed.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Tick(long TimeMs, double Bid, double Ask, double Last, double Volume, TickFlags Flags)
{
    /// <summary>The tick time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);
}
