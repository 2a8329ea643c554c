using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MtMcp.Engine;

/// <summary>
/// Builds the canonical JSON of an audit payload: an object with its keys sorted ordinally, numbers in invariant
/// form (decimals exactly, doubles round-trip), no whitespace — so the same facts always hash to the same bytes.
/// </summary>
[Mutable]
public sealed class CanonicalJson
{
    private readonly SortedDictionary<string, object?> _fields = new(StringComparer.Ordinal);

    /// <summary>Adds a text field (null allowed).</summary>
    public CanonicalJson Add(string key, string? value) => Set(key, value);

    /// <summary>Adds a whole number.</summary>
    public CanonicalJson Add(string key, long value) => Set(key, value);

    /// <summary>Adds an unsigned whole number (tickets, magic numbers).</summary>
    public CanonicalJson Add(string key, ulong value) => Set(key, value);

    /// <summary>Adds an exact decimal (money, volumes).</summary>
    public CanonicalJson Add(string key, decimal value) => Set(key, value);

    /// <summary>Adds a double (prices); non-finite values are written as text.</summary>
    public CanonicalJson Add(string key, double value) => Set(key, value);

    /// <summary>Adds a flag.</summary>
    public CanonicalJson Add(string key, bool value) => Set(key, value);

    /// <summary>Adds a nested object.</summary>
    public CanonicalJson Add(string key, CanonicalJson value) => Set(key, value);

    /// <summary>The JSON text.</summary>
    public override string ToString()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private CanonicalJson Set(string key, object? value)
    {
        _fields[key] = value;
        return this;
    }

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in _fields)
        {
            writer.WritePropertyName(key);
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case long number: writer.WriteNumberValue(number); break;
                case ulong number: writer.WriteNumberValue(number); break;
                case decimal number: writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); break;
                case double number when double.IsFinite(number): writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true); break;
                case double number: writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture)); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case CanonicalJson nested: nested.Write(writer); break;
                default: throw new InvalidOperationException($"Unsupported audit value type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }
}
