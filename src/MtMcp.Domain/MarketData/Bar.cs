using System.Runtime.InteropServices;

namespace MtMcp.Domain;

/// <summary>
/// One price bar in the layout of MetaTrader's MqlRates. Prices follow the symbol's chart mode
/// (bid for forex and CFDs).
/// </summary>
/// <param name="Time">Open time of the bar, Unix seconds, UTC.</param>
/// <param name="Open">First price of the period.</param>
/// <param name="High">Highest price of the period.</param>
/// <param name="Low">Lowest price of the period.</param>
/// <param name="Close">Last price of the period.</param>
/// <param name="TickVolume">Number of ticks in the period.</param>
/// <param name="Spread">Spread in points (the smallest seen in the period).</param>
/// <param name="RealVolume">Traded volume; 0 where the venue reports none (forex).</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Bar(
    long Time,
    double Open,
    double High,
    double Low,
    double Close,
    long TickVolume,
    int Spread,
    long RealVolume)
{
    /// <summary>The open time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset OpenTime => DateTimeOffset.FromUnixTimeSeconds(Time);

    /// <summary>Whether the prices are finite and ordered (low ≤ open, close ≤ high).</summary>
    public bool IsConsistent =>
        double.IsFinite(Open) && double.IsFinite(High) && double.IsFinite(Low) && double.IsFinite(Close)
        && Low <= High && Low <= Open && Open <= High && Low <= Close && Close <= High
        && TickVolume >= 0 && Spread >= 0 && RealVolume >= 0;
}
