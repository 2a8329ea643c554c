using System.Text.Json.Serialization;

namespace MtMcp.Data.Store;

/// <summary>
/// The on-disk manifest of one series (<c>manifest.json</c>). Replacing it is the commit point of every write:
/// readers trust its row count and generation, never the column file lengths.
/// </summary>
internal sealed class SeriesManifest
{
    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    /// <summary><c>bars</c> or <c>ticks</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The symbol as first written.</summary>
    public required string Symbol { get; init; }

    /// <summary>MT5 timeframe name for bars; absent for ticks.</summary>
    public string? Timeframe { get; init; }

    /// <summary>Committed rows.</summary>
    public required long Count { get; init; }

    /// <summary>Time of the first committed row (series unit); 0 when empty.</summary>
    public required long FirstTime { get; init; }

    /// <summary>Time of the last committed row (series unit); 0 when empty.</summary>
    public required long LastTime { get; init; }

    /// <summary>Which <c>g&lt;n&gt;</c> folder holds the columns.</summary>
    public required long Generation { get; init; }
}

/// <summary>Source-generated JSON for the store's files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SeriesManifest))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
