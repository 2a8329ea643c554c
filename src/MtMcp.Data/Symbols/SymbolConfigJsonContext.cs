using System.Text.Json.Serialization;

namespace MtMcp.Data.Symbols;

/// <summary>Source-generated JSON metadata for the symbol configuration (snake_case, strict).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<SymbolOverride>))]
internal sealed partial class SymbolConfigJsonContext : JsonSerializerContext;
