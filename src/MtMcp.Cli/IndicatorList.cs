using System.Globalization;
using System.Text.Json;
using MtMcp.Indicators;

namespace MtMcp.Cli;

/// <summary>Prints the indicator metadata: a table for people, JSON for programs.</summary>
internal static class IndicatorList
{
    public static async Task WriteAsync(TextWriter output, bool json)
    {
        var rows = IndicatorRegistry.All.Select(IndicatorJson.From).ToList();
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJsonContext.Default.ListIndicatorJson)).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"NAME",-20} {"GROUP",-22} {"LOOKBACK",8}  PARAMETERS -> OUTPUTS")).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var parameters = string.Join(", ", row.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default}")));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name,-20} {row.Group,-22} {row.Lookback,8}  ({parameters}) -> {string.Join(", ", row.Outputs.Select(o => o.Name))}")).ConfigureAwait(false);
        }
    }
}

/// <summary>An indicator's metadata as JSON.</summary>
internal sealed record IndicatorJson(
    string Name, string Title, string Group, bool TaLib, IReadOnlyList<string> Inputs, IReadOnlyList<ParameterJson> Parameters, IReadOnlyList<OutputJson> Outputs, int Lookback)
{
    public static IndicatorJson From(Indicator indicator)
    {
        var info = indicator.Info;
        return new(
            info.Name, info.Title, info.Group.ToString(), info.IsTaLib,
            [.. info.Inputs.Select(i => i.ToString().ToLowerInvariant())],
            [.. info.Parameters.Select(p => new ParameterJson(p.Name, p.Kind.ToString().ToLowerInvariant(), p.Default, p.Min, p.Max, p.Description, p.Aliases))],
            [.. info.Outputs.Select(o => new OutputJson(o.Name, o.Description, o.IsInteger))],
            indicator.LookbackOf(IndicatorParameters.Defaults(info)));
    }
}

/// <summary>A parameter as JSON.</summary>
internal sealed record ParameterJson(string Name, string Kind, double Default, double Min, double Max, string Description, IReadOnlyList<string> Aliases);

/// <summary>An output as JSON.</summary>
internal sealed record OutputJson(string Name, string Description, bool Integer);
