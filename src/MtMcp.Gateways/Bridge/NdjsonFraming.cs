using System.Buffers;

namespace MtMcp.Gateways.Bridge;

/// <summary>What <see cref="NdjsonFraming.TryReadLine"/> found in the buffer.</summary>
internal enum LineStatus
{
    /// <summary>No complete line yet: read more bytes.</summary>
    NeedMore,

    /// <summary>A complete line (without its terminator) was cut off the buffer.</summary>
    Line,

    /// <summary>A line (complete or not) is longer than the cap: the peer must be disconnected.</summary>
    TooLong,
}

/// <summary>
/// NDJSON framing over raw bytes: split on <c>0x0A</c>, accept <c>\r\n</c>, and only ever hand out complete
/// lines, so a UTF-8 sequence split across TCP reads is decoded whole.
/// </summary>
internal static class NdjsonFraming
{
    /// <summary>
    /// Cuts the first complete line off <paramref name="buffer"/>. A line (or an unterminated tail) longer
    /// than <paramref name="maxLine"/> bytes, terminator excluded, is <see cref="LineStatus.TooLong"/>.
    /// </summary>
    public static LineStatus TryReadLine(ref ReadOnlySequence<byte> buffer, int maxLine, out ReadOnlySequence<byte> line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return buffer.Length > maxLine ? LineStatus.TooLong : LineStatus.NeedMore;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        if (!line.IsEmpty && EndsWithCarriageReturn(line))
        {
            line = line.Slice(0, line.Length - 1);
        }

        return line.Length > maxLine ? LineStatus.TooLong : LineStatus.Line;
    }

    private static bool EndsWithCarriageReturn(in ReadOnlySequence<byte> line)
    {
        var last = line.Slice(line.Length - 1);
        return last.FirstSpan[0] == (byte)'\r';
    }
}
