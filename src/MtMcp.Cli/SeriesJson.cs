using MtMcp.Data.Store;

namespace MtMcp.Cli;

/// <summary>A stored series as JSON.</summary>
internal sealed record SeriesJson(string Symbol, string Series, long Rows, DateTimeOffset First, DateTimeOffset Last, long SizeBytes)
{
    public static SeriesJson From(SeriesInfo info) => new(info.Symbol, KindName(info), info.Count, info.FirstUtc, info.LastUtc, info.SizeBytes);

    /// <summary>The timeframe name for bars, <c>ticks</c> for ticks.</summary>
    public static string KindName(SeriesInfo info) => info.Timeframe?.ToString() ?? "ticks";
}
