using System.Globalization;
using System.Text;
using System.Text.Json;
using MtMcp.Backtesting;

namespace MtMcp.Cli.Commands;

/// <summary>Prints optimisation results: a plain table for people, snake_case JSON for programs.</summary>
internal static class OptimizationWriter
{
    // The table's statistic columns (the criterion's score comes first).
    private static readonly string[] s_columns = ["net_profit", "return_pct", "trades", "max_drawdown_pct", "sharpe_ratio", "profit_factor"];

    public static string Number(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString(Math.Abs(value) >= 1000 ? "0.##" : "0.####", CultureInfo.InvariantCulture);

    public static string Iso(double seconds) =>
        DateTimeOffset.FromUnixTimeSeconds((long)seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The table of <paramref name="passes"/>: rank, parameters, score, the main statistics.</summary>
    public static void Table(StringBuilder text, ParameterSpace space, IReadOnlyList<OptimizationPass> passes, string scoreName)
    {
        var varied = Varied(space);
        var header = new List<string> { "rank" };
        header.AddRange(varied.Select(i => space.Ranges[i].Name));
        header.Add(scoreName);
        header.AddRange(s_columns);
        List<string[]> rows = [[.. header]];
        for (var r = 0; r < passes.Count; r++)
        {
            var p = passes[r];
            var row = new List<string> { (r + 1).ToString(CultureInfo.InvariantCulture) + (p.Feasible ? string.Empty : "x") };
            row.AddRange(varied.Select(i => Number(p.Values[i])));
            row.Add(Number(p.Score));
            row.AddRange(s_columns.Select(c => p.Statistics.Names.Find(c) is var k and >= 0 ? Number(p.Statistics.Values[k]) : "n/a"));
            rows.Add([.. row]);
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }

    public static void Space(Utf8JsonWriter json, ParameterSpace space)
    {
        json.WriteStartArray("ranges");
        foreach (var r in space.Ranges)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteNumber("start", r.Start);
            json.WriteNumber("stop", r.Stop);
            json.WriteNumber("step", r.Step);
            json.WriteNumber("values", r.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void Parameters(Utf8JsonWriter json, ParameterSpace space, IReadOnlyList<double> values)
    {
        json.WriteStartObject("parameters");
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteNumber(space.Ranges[i].Name, values[i]);
        }

        json.WriteEndObject();
    }

    public static void Statistics(Utf8JsonWriter json, string property, PassStatistics statistics)
    {
        json.WriteStartObject(property);
        for (var i = 0; i < statistics.Names.Count; i++)
        {
            var (key, value) = (statistics.Names.All[i], statistics.Values[i]);
            if (key is "start" or "end")
            {
                json.WriteString(key, Iso(value));
            }
            else
            {
                Number(json, key, value);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A number, or null when undefined (JSON has no NaN).</summary>
    public static void Number(Utf8JsonWriter json, string property, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(property, value);
        }
        else
        {
            json.WriteNull(property);
        }
    }

    public static void Pass(Utf8JsonWriter json, ParameterSpace space, OptimizationPass pass, int rank)
    {
        json.WriteNumber("rank", rank);
        Parameters(json, space, pass.Values);
        Number(json, "score", pass.Score);
        json.WriteBoolean("feasible", pass.Feasible);
        Statistics(json, "statistics", pass.Statistics);
    }

    public static void Criterion(Utf8JsonWriter json, OptimizationCriterion criterion)
    {
        json.WriteString("criterion", criterion.Name);
        json.WriteString("expression", criterion.Expression);
        json.WriteBoolean("minimise", criterion.Minimise);
    }

    /// <summary>Writes one indented JSON object built by <paramref name="body"/>.</summary>
    public static async Task WriteJsonAsync(TextWriter output, Action<Utf8JsonWriter> body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static int[] Varied(ParameterSpace space)
    {
        var varied = Enumerable.Range(0, space.Ranges.Count).Where(i => space.Ranges[i].Count > 1).ToArray();
        return varied.Length > 0 ? varied : [.. Enumerable.Range(0, space.Ranges.Count)];
    }
}
