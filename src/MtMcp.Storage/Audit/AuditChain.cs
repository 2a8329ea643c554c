using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MtMcp.Storage;

/// <summary>
/// The audit chain's hash and checkpoint signature, byte for byte (docs/audit.md documents the same encoding so that
/// anyone can recompute it):
/// <c>hash = SHA-256(u64 seq ‖ prev_hash[32] ‖ i64 recorded_us ‖ i64 time_ms ‖ str kind ‖ str account ‖ str actor ‖
/// str channel ‖ optstr client_order_id ‖ str payload)</c>, integers big-endian, <c>str</c> = u32 length ‖ UTF-8 bytes,
/// <c>optstr</c> null = u32 0xFFFFFFFF; the first record's previous hash is <see cref="Genesis"/>;
/// <c>mac = HMAC-SHA256(key, "MtMcp audit checkpoint v1" ‖ u64 seq ‖ hash[32] ‖ i64 created_us)</c>.
/// </summary>
/// <remarks>Not thread-safe: one instance per writer or verifier (it reuses its encoding buffer).</remarks>
internal sealed class AuditChain
{
    /// <summary>Bytes of a hash.</summary>
    public const int HashBytes = 32;

    private const uint NullText = uint.MaxValue;

    private static readonly byte[] s_genesis = SHA256.HashData("MtMcp audit chain v1"u8);
    private static readonly byte[] s_checkpointLabel = "MtMcp audit checkpoint v1"u8.ToArray();
    private static readonly byte[] s_keyIdLabel = "MtMcp audit key id"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>The previous hash of the first record.</summary>
    public static ReadOnlySpan<byte> Genesis => s_genesis;

    /// <summary>Computes the hash of a record at <paramref name="sequence"/> after <paramref name="previousHash"/> into <paramref name="hash"/>.</summary>
    public void Hash(long sequence, ReadOnlySpan<byte> previousHash, long recordedUs, AuditRecord record, Span<byte> hash)
    {
        _buffer.ResetWrittenCount();
        WriteUInt64((ulong)sequence);
        _buffer.Write(previousHash);
        WriteUInt64((ulong)recordedUs);
        WriteUInt64((ulong)record.TimeMs);
        WriteText(record.Kind);
        WriteText(record.Account);
        WriteText(record.Actor);
        WriteText(record.Channel);
        WriteText(record.ClientOrderId);
        WriteText(record.Payload);
        SHA256.HashData(_buffer.WrittenSpan, hash);
    }

    /// <summary>The signature of a checkpoint sealing record <paramref name="sequence"/> with hash <paramref name="hash"/>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> key, long sequence, ReadOnlySpan<byte> hash, long createdUs)
    {
        Span<byte> message = stackalloc byte[s_checkpointLabel.Length + 8 + HashBytes + 8];
        s_checkpointLabel.CopyTo(message);
        var rest = message[s_checkpointLabel.Length..];
        BinaryPrimitives.WriteUInt64BigEndian(rest, (ulong)sequence);
        hash.CopyTo(rest[8..]);
        BinaryPrimitives.WriteUInt64BigEndian(rest[(8 + HashBytes)..], (ulong)createdUs);
        return HMACSHA256.HashData(key, message);
    }

    /// <summary>A short public name of a key (16 hex digits of a labelled SHA-256), stored with checkpoints to tell keys apart.</summary>
    public static string KeyId(ReadOnlySpan<byte> key)
    {
        var input = new byte[s_keyIdLabel.Length + key.Length];
        s_keyIdLabel.CopyTo(input, 0);
        key.CopyTo(input.AsSpan(s_keyIdLabel.Length));
        var id = Convert.ToHexStringLower(SHA256.HashData(input).AsSpan(0, 8));
        CryptographicOperations.ZeroMemory(input);
        return id;
    }

    private void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    private void WriteText(string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), NullText);
            _buffer.Advance(4);
            return;
        }

        var span = _buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)length);
        _buffer.Advance(4 + length);
    }
}
