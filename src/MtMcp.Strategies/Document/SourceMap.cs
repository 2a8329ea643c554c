using System.Text;
using System.Text.Json;

namespace MtMcp.Strategies;

/// <summary>
/// Where each value of a strategy document sits in its text (by dotted path, e.g. <c>long_entry</c>,
/// <c>parameters.fast.min</c>), so errors found later can name a line and column. Walking the document also checks
/// the property names against the schema, with did-you-mean hints.
/// </summary>
internal sealed class SourceMap
{
    private static readonly string[] s_topLevel =
    [
        "name", "description", "symbol", "symbols", "timeframe", "parameters", "long_entry", "long_exit", "short_entry",
        "short_exit", "stop_loss", "take_profit", "trailing_stop", "size", "filter", "session",
    ];

    private static readonly string[] s_parameterKeys = ["default", "min", "max", "step", "description"];
    private static readonly string[] s_sizeKeys = ["mode", "value", "contract_size"];
    private static readonly string[] s_sessionKeys = ["days", "start", "end", "close_outside"];

    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];
    private readonly Dictionary<string, int> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

    private SourceMap(byte[] utf8)
    {
        _utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The UTF-8 text.</summary>
    public byte[] Utf8 => _utf8;

    /// <summary>Maps <paramref name="utf8"/>; unknown keys and malformed JSON are added to <paramref name="diagnostics"/>.</summary>
    public static SourceMap Build(byte[] utf8, List<StrategyDiagnostic> diagnostics)
    {
        var map = new SourceMap(utf8);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var path = new List<string>();
        var frames = new Stack<(bool IsObject, bool Named)>();
        string? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString()!;
                        var keyPath = Join(path, pendingKey);
                        map._keys[keyPath] = start;
                        map.CheckKey(path, pendingKey, start, diagnostics);
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        // A container named by a key (or an array element) extends the path until it ends.
                        var named = pendingKey ?? (frames.Count > 0 && !frames.Peek().IsObject ? "[]" : null);
                        if (named is not null)
                        {
                            path.Add(named);
                            map._values[string.Join('.', path)] = start;
                        }

                        frames.Push((reader.TokenType == JsonTokenType.StartObject, named is not null));
                        pendingKey = null;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (frames.Pop().Named)
                        {
                            path.RemoveAt(path.Count - 1);
                        }

                        continue;
                    default:
                        if (pendingKey is not null)
                        {
                            map._values[Join(path, pendingKey)] = start;
                        }

                        pendingKey = null;
                        continue;
                }
            }
        }
        catch (JsonException exception)
        {
            diagnostics.Add(new StrategyDiagnostic(
                string.Empty, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1,
                "The document is not valid JSON: " + FirstSentence(exception.Message),
                "Check quotes, commas and brackets; comments (// and /* */) and trailing commas are allowed."));
        }

        return map;
    }

    /// <summary>Line and column (1-based) of the value at <paramref name="path"/>, or of the document start.</summary>
    public (int Line, int Column) ValuePosition(string path) =>
        _values.TryGetValue(path, out var offset) ? Locate(offset) : _keys.TryGetValue(path, out var key) ? Locate(key) : (1, 1);

    /// <summary>Line and column of the property name at <paramref name="path"/>, or of the document start.</summary>
    public (int Line, int Column) KeyPosition(string path) =>
        _keys.TryGetValue(path, out var offset) ? Locate(offset) : (1, 1);

    /// <summary>Line and column of character <paramref name="index"/> of the string value at <paramref name="path"/>.</summary>
    public (int Line, int Column) StringPosition(string path, int index)
    {
        if (!_values.TryGetValue(path, out var offset) || offset >= _utf8.Length || _utf8[offset] != (byte)'"')
        {
            return ValuePosition(path);
        }

        // Walk the raw text after the opening quote, decoding escapes and UTF-8, to find the index-th character.
        var raw = offset + 1;
        for (var decoded = 0; decoded < index && raw < _utf8.Length && _utf8[raw] != (byte)'"';)
        {
            if (_utf8[raw] == (byte)'\\')
            {
                raw += raw + 1 < _utf8.Length && _utf8[raw + 1] == (byte)'u' ? 6 : 2;
                decoded++;
                continue;
            }

            var length = _utf8[raw] switch { < 0x80 => 1, < 0xE0 => 2, < 0xF0 => 3, _ => 4 };
            raw += length;
            decoded += length == 4 ? 2 : 1;
        }

        return Locate(Math.Min(raw, _utf8.Length));
    }

    /// <summary>Line and column (1-based, in characters) of byte <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = 1;
        for (var i = _lineStarts[line]; i < offset && i < _utf8.Length; i++)
        {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if ((_utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line + 1, column);
    }

    private void CheckKey(List<string> path, string key, int offset, List<StrategyDiagnostic> diagnostics)
    {
        string[]? allowed = path.Count switch
        {
            0 => s_topLevel,
            2 when path[0] == "parameters" => s_parameterKeys,
            1 when path[0] == "size" => s_sizeKeys,
            1 when path[0] == "session" => s_sessionKeys,
            _ => null,
        };
        if (allowed is null || allowed.Contains(key, StringComparer.Ordinal))
        {
            return;
        }

        var (line, column) = Locate(offset);
        var where = path.Count == 0 ? "a strategy" : path[0] == "parameters" ? "a parameter" : $"'{path[0]}'";
        diagnostics.Add(new StrategyDiagnostic(
            Join(path, key), line, column, $"Unknown key '{key}' in {where}.",
            Suggest.Hint(key, allowed) ?? "Allowed: " + string.Join(", ", allowed) + "."));
    }

    private static string Join(List<string> path, string key) => path.Count == 0 ? key : string.Join('.', path) + "." + key;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>UTF-8 of <paramref name="text"/>.</summary>
    public static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}
