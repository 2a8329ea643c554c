using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtMcp.Strategies;

/// <summary>The JSON shape of a strategy document (snake_case keys); validated into <see cref="StrategyDocument"/>.</summary>
internal sealed class StrategyJson
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Symbol { get; set; }

    public List<string>? Symbols { get; set; }

    public string? Timeframe { get; set; }

    public Dictionary<string, ParameterJson>? Parameters { get; set; }

    public string? LongEntry { get; set; }

    public string? LongExit { get; set; }

    public string? ShortEntry { get; set; }

    public string? ShortExit { get; set; }

    public string? StopLoss { get; set; }

    public string? TakeProfit { get; set; }

    public string? TrailingStop { get; set; }

    public string? Filter { get; set; }

    public SizeJson? Size { get; set; }

    public SessionJson? Session { get; set; }
}

/// <summary>One declared parameter.</summary>
internal sealed class ParameterJson
{
    public double? Default { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public double? Step { get; set; }

    public string? Description { get; set; }
}

/// <summary>Position sizing: a mode and a value (a number or an expression string).</summary>
internal sealed class SizeJson
{
    public string? Mode { get; set; }

    public JsonElement Value { get; set; }

    public double? ContractSize { get; set; }
}

/// <summary>Trading session: weekdays and a UTC time window.</summary>
internal sealed class SessionJson
{
    public List<string>? Days { get; set; }

    public string? Start { get; set; }

    public string? End { get; set; }

    public bool CloseOutside { get; set; }
}

/// <summary>Source-generated (reflection-free) serialisation of the strategy document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(StrategyJson))]
internal sealed partial class StrategyJsonContext : JsonSerializerContext;
