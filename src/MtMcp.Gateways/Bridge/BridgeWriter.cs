using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>The envelope fields of an outgoing line.</summary>
internal readonly record struct BridgeHeader(string Type, long Ts, string? Id = null, string? Re = null, string? Op = null, int? DeadlineMs = null);

/// <summary>Serialises one outgoing protocol line: envelope, then the typed payload as <c>data</c>, then <c>\n</c>.</summary>
internal static class BridgeWriter
{
    public static byte[] Line<T>(in BridgeHeader header, T? data, JsonTypeInfo<T>? dataInfo, WireError? error = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v"u8, BridgeOptions.ProtocolVersion);
            json.WriteString("type"u8, header.Type);
            WriteIfSet(json, "id"u8, header.Id);
            WriteIfSet(json, "re"u8, header.Re);
            WriteIfSet(json, "op"u8, header.Op);
            if (header.DeadlineMs is { } deadline)
            {
                json.WriteNumber("deadline_ms"u8, deadline);
            }

            json.WriteNumber("ts"u8, header.Ts);
            if (data is not null && dataInfo is not null)
            {
                json.WritePropertyName("data"u8);
                JsonSerializer.Serialize(json, data, dataInfo);
            }

            if (error is not null)
            {
                json.WritePropertyName("error"u8);
                JsonSerializer.Serialize(json, error, BridgeJsonContext.Default.WireError);
            }

            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Line(in BridgeHeader header) => Line<WireEmpty>(header, null, null);

    private static void WriteIfSet(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
