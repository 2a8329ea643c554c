using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtMcp.Live;

/// <summary>
/// The live strategies of a data directory, in one JSON file rewritten atomically (write a temporary file, then replace),
/// so a killed process leaves either the old or the new list, never a torn one. Like the trading journal's default
/// durability, it does not flush the disk on every save: a power loss may lose the last saves, never the file.
/// </summary>
/// <remarks>Not thread-safe: <see cref="LiveStrategyService"/> serialises the calls.</remarks>
internal sealed class LiveStrategyStore(string path)
{
    public string Path { get; } = path;

    public List<LiveStrategyRecord> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(Path), LiveJsonContext.Default.LiveStrategyFile);
            return file?.Strategies is { } list ? [.. list] : [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The live strategies file {Path} is not valid ({e.Message}); fix or remove it.", e);
        }
    }

    public void Save(IReadOnlyList<LiveStrategyRecord> records)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new LiveStrategyFile(1, [.. records]), LiveJsonContext.Default.LiveStrategyFile);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}

/// <summary>The stored file: a format version and the strategies.</summary>
internal sealed record LiveStrategyFile(int Version, IReadOnlyList<LiveStrategyRecord> Strategies);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(LiveStrategyFile))]
internal sealed partial class LiveJsonContext : JsonSerializerContext;
