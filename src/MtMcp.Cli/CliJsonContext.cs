using System.Text.Json.Serialization;

namespace MtMcp.Cli;

/// <summary>Source-generated JSON for everything the CLI prints.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(List<SymbolJson>))]
[JsonSerializable(typeof(List<SeriesJson>))]
[JsonSerializable(typeof(List<IndicatorJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
