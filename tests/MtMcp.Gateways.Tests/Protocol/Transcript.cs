using System.Text.Json.Nodes;
using MtMcp.Testing;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>Who wrote a transcript line.</summary>
internal enum TranscriptSide
{
    /// <summary><c>&gt;</c>: the EA sent it to the server.</summary>
    Ea,

    /// <summary><c>&lt;</c>: the server sent it to the EA.</summary>
    Server,

    /// <summary><c>#!</c>: a replay directive (<c>advance &lt;ms&gt;</c>, <c>reconnect</c>).</summary>
    Directive,
}

/// <summary>One line of a golden transcript; <see cref="Message"/> is null for directives.</summary>
internal sealed record TranscriptLine(int Number, TranscriptSide Side, string Text, JsonObject? Message)
{
    public string Type => (string)Message!["type"]!;

    public override string ToString() => $"line {Number}: {Text}";
}

/// <summary>
/// A golden transcript of <c>bridge/transcripts</c> (bridge-protocol.md §11.3): NDJSON lines prefixed by their
/// direction, <c>#</c> comments and <c>#!</c> replay directives.
/// </summary>
internal static class Transcript
{
    public static string Folder => Path.Combine(SharedData.RepoRoot, "bridge", "transcripts");

    public static string SchemaFolder => Path.Combine(SharedData.RepoRoot, "bridge", "schemas");

    /// <summary>Names of every transcript file, for theories.</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.ndjson").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(path));
        }

        return names;
    }

    public static IReadOnlyList<TranscriptLine> Read(string name)
    {
        var lines = new List<TranscriptLine>();
        var number = 0;
        foreach (var raw in File.ReadLines(Path.Combine(Folder, name)))
        {
            number++;
            if (raw.StartsWith("#!", StringComparison.Ordinal))
            {
                lines.Add(new TranscriptLine(number, TranscriptSide.Directive, raw[2..].Trim(), null));
            }
            else if (raw.StartsWith("> ", StringComparison.Ordinal) || raw.StartsWith("< ", StringComparison.Ordinal))
            {
                var text = raw[2..];
                var message = JsonNode.Parse(text) as JsonObject
                    ?? throw new InvalidDataException($"{name} line {number} is not a JSON object.");
                lines.Add(new TranscriptLine(number, raw[0] == '>' ? TranscriptSide.Ea : TranscriptSide.Server, text, message));
            }
            else if (raw.Length > 0 && raw[0] != '#')
            {
                throw new InvalidDataException($"{name} line {number} starts with neither '> ', '< ', '#' nor '#!'.");
            }
        }

        return lines;
    }

    /// <summary>
    /// The schema file of <paramref name="message"/>: <c>req.&lt;op&gt;</c>, <c>res.&lt;op of the request&gt;</c> or
    /// <c>res.error</c>, <c>evt.&lt;op&gt;</c>, else <c>&lt;type&gt;</c>. Requests are remembered in
    /// <paramref name="requests"/> (id → op) so their answers can be matched.
    /// </summary>
    public static string SchemaFor(JsonObject message, Dictionary<string, string> requests)
    {
        var type = (string?)message["type"] ?? throw new InvalidDataException("A message has no type.");
        switch (type)
        {
            case "req":
                var op = (string)message["op"]!;
                requests[(string)message["id"]!] = op;
                return $"req.{op}.schema.json";
            case "res":
                if (message["ok"] is JsonValue ok && (bool)ok)
                {
                    var re = (string)message["re"]!;
                    return requests.TryGetValue(re, out var answered)
                        ? $"res.{answered}.schema.json"
                        : throw new InvalidDataException($"A response answers '{re}', which no request of the transcript had.");
                }

                return "res.error.schema.json";
            case "evt":
                return $"evt.{(string)message["op"]!}.schema.json";
            default:
                return $"{type}.schema.json";
        }
    }
}
