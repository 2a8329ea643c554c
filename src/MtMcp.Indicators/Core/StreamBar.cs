using System.Runtime.InteropServices;

namespace MtMcp.Indicators;

/// <summary>One bar fed to a streaming indicator.</summary>
/// <param name="Open">Open.</param>
/// <param name="High">High.</param>
/// <param name="Low">Low.</param>
/// <param name="Close">Close.</param>
/// <param name="Volume">Volume.</param>
/// <param name="Real0">The free price series value (what the batch form reads as inReal), usually the close.</param>
/// <param name="Real1">The second series value (inReal1; the period for MAVP).</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct StreamBar(double Open, double High, double Low, double Close, double Volume, double Real0, double Real1)
{
    /// <summary>Open time of the bar, Unix seconds UTC; read only by session-anchored indicators (VWAP, pivots).</summary>
    public long Time { get; init; }

    /// <summary>A bar whose free series is its close.</summary>
    public static StreamBar Ohlcv(double open, double high, double low, double close, double volume) =>
        new(open, high, low, close, volume, close, double.NaN);

    /// <summary>A value-only bar for single-series indicators.</summary>
    public static StreamBar Value(double real0, double real1 = double.NaN) =>
        new(real0, real0, real0, real0, 0, real0, real1);
}
