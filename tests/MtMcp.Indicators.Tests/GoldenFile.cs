using System.IO.Compression;
using System.Text.Json;

namespace MtMcp.Indicators.Tests;

/// <summary>One TA-Lib golden file: a function's outputs on one dataset for several parameter sets.</summary>
internal sealed class GoldenFile
{
    private GoldenFile(string function, IReadOnlyList<GoldenCase> cases)
    {
        Function = function;
        Cases = cases;
    }

    public string Function { get; }

    public IReadOnlyList<GoldenCase> Cases { get; }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Golden");

    /// <summary>TA-Lib function names that have golden files (upper case, as TA-Lib spells them).</summary>
    public static IReadOnlyList<string> Functions() =>
        [.. Directory.EnumerateFiles(Path.Combine(Folder, GoldenData.Names[0]), "*.json.gz")
            .Select(f => Path.GetFileName(f)[..^".json.gz".Length]).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="dataset"/> has a golden file for <paramref name="function"/> (the synthetic set holds patterns only).</summary>
    public static bool Exists(string dataset, string function) => File.Exists(Path.Combine(Folder, dataset, function + ".json.gz"));

    public static GoldenFile Load(string dataset, string function)
    {
        using var file = File.OpenRead(Path.Combine(Folder, dataset, function + ".json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var cases = new List<GoldenCase>();
        foreach (var item in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            var parameters = item.GetProperty("params").EnumerateObject()
                .Select(p => KeyValuePair.Create(TaLibNames.Parameter(p.Name), p.Value.GetDouble()))
                .ToList();
            var outputs = item.GetProperty("outputs").EnumerateObject()
                .Select(o => (TaLibNames.Output(o.Name), o.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray()))
                .ToList();
            cases.Add(new GoldenCase(parameters, item.GetProperty("begIndex").GetInt32(), item.GetProperty("nbElement").GetInt32(), outputs));
        }

        return new GoldenFile(json.RootElement.GetProperty("function").GetString()!, cases);
    }
}

/// <summary>One parameter set: TA-Lib's begIndex, element count and outputs (from begIndex on).</summary>
internal sealed record GoldenCase(
    IReadOnlyList<KeyValuePair<string, double>> Parameters,
    int BegIndex,
    int Count,
    IReadOnlyList<(string Name, double[] Values)> Outputs)
{
    public override string ToString() => string.Join(", ", Parameters.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
}
