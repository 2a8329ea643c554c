using System.Text.Json;

namespace MtMcp.Server;

/// <summary>
/// The server's part of the JSON configuration file: <c>server.mode</c>, <c>server.toolsets</c>,
/// <c>server.allowed_origins</c> and <c>trading.live.enabled</c>. Other sections belong to other readers and are ignored.
/// </summary>
/// <param name="Mode">The configured mode, or null.</param>
/// <param name="Toolsets">The configured toolsets, or null.</param>
/// <param name="AllowedOrigins">Extra browser origins allowed on HTTP.</param>
/// <param name="LiveTradingEnabled">Whether <c>trading.live.enabled</c> is true.</param>
public sealed record ServerConfiguration(ServerMode? Mode, IReadOnlyList<string>? Toolsets, IReadOnlyList<string> AllowedOrigins, bool LiveTradingEnabled)
{
    /// <summary>No configuration.</summary>
    public static ServerConfiguration Empty { get; } = new(null, null, [], false);

    /// <summary>Parses a mode name: <c>read_only</c>, <c>paper</c> or <c>live</c> (case-insensitive; <c>readonly</c> and <c>read-only</c> too).</summary>
    /// <exception cref="ArgumentException">Not a mode; the message lists them.</exception>
    public static ServerMode ParseMode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "read_only" or "readonly" or "read-only" => ServerMode.ReadOnly,
            "paper" => ServerMode.Paper,
            "live" => ServerMode.Live,
            _ => throw new ArgumentException($"Unknown mode '{text}'; use read_only, paper or live.", nameof(text)),
        };
    }

    /// <summary>Reads the server settings of the configuration file at <paramref name="path"/> (comments and trailing commas allowed).</summary>
    /// <exception cref="InvalidDataException">The file is not JSON or a server setting has the wrong type or value; the message names the file and key.</exception>
    public static ServerConfiguration Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({error.Message}).", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: the configuration must be a JSON object.");
            }

            ServerMode? mode = null;
            IReadOnlyList<string>? toolsets = null;
            IReadOnlyList<string> origins = [];
            var live = false;
            if (root.TryGetProperty("server", out var server))
            {
                Expect(path, "server", server, JsonValueKind.Object);
                if (server.TryGetProperty("mode", out var m))
                {
                    Expect(path, "server.mode", m, JsonValueKind.String);
                    mode = Guard(path, "server.mode", () => ParseMode(m.GetString()!));
                }

                if (server.TryGetProperty("toolsets", out var t))
                {
                    toolsets = t.ValueKind == JsonValueKind.String
                        ? Guard(path, "server.toolsets", () => Server.Toolsets.Parse(t.GetString()!))
                        : Guard(path, "server.toolsets", () => Server.Toolsets.Parse(string.Join(',', Strings(path, "server.toolsets", t))));
                }

                if (server.TryGetProperty("allowed_origins", out var o))
                {
                    origins = Strings(path, "server.allowed_origins", o);
                }
            }

            if (root.TryGetProperty("trading", out var trading) && trading.ValueKind == JsonValueKind.Object
                && trading.TryGetProperty("live", out var liveSection) && liveSection.ValueKind == JsonValueKind.Object
                && liveSection.TryGetProperty("enabled", out var enabled))
            {
                if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new InvalidDataException($"{path}: {ServerSettings.LiveEnabledKey} must be true or false.");
                }

                live = enabled.GetBoolean();
            }

            return new ServerConfiguration(mode, toolsets, origins, live);
        }
    }

    private static string[] Strings(string path, string key, JsonElement value)
    {
        Expect(path, key, value, JsonValueKind.Array);
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            Expect(path, key + "[]", item, JsonValueKind.String);
            items.Add(item.GetString()!);
        }

        return [.. items];
    }

    private static void Expect(string path, string key, JsonElement value, JsonValueKind kind)
    {
        if (value.ValueKind != kind)
        {
            throw new InvalidDataException($"{path}: {key} must be a JSON {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    private static T Guard<T>(string path, string key, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {key}: {error.Message.Split(" (Parameter", 2)[0]}", error);
        }
    }
}
