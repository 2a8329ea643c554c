using System.Buffers;
using System.Text;

namespace MtMcp.Data.Import;

/// <summary>
/// Reads UTF-8 lines as spans, from memory or from a stream through one pooled buffer, so no string is made
/// per line. A line longer than <see cref="MaxLineBytes"/> fails as soon as that many bytes have been seen
/// without a line break, so a 10 MB single-line file is rejected without being read whole.
/// A UTF-8 byte-order mark is skipped; UTF-16 text (with a byte-order mark, or ASCII with zero high bytes)
/// is transcoded to UTF-8 first.
/// </summary>
internal sealed class LineReader : IDisposable
{
    /// <summary>The longest line accepted, in bytes.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int BufferBytes = 1024 * 1024;

    private readonly Stream? _stream;
    private readonly string _source;
    private readonly string _filePath;
    private ReadOnlyMemory<byte> _data;
    private byte[]? _rented;
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>Reads lines from bytes in memory.</summary>
    public LineReader(ReadOnlyMemory<byte> content, string filePath, string source)
    {
        _filePath = filePath;
        _source = source;
        _data = content;
        _end = content.Length;
        _endOfStream = true;
        SkipByteOrderMark();
    }

    /// <summary>Reads lines from a stream; the first buffer is filled at once so <see cref="Head"/> can be inspected.</summary>
    public LineReader(Stream stream, string filePath, string source)
    {
        _filePath = filePath;
        _source = source;
        _stream = stream;
        _rented = ArrayPool<byte>.Shared.Rent(BufferBytes);
        _data = _rented;
        Fill();
        SkipByteOrderMark();
    }

    /// <summary>The 1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The beginning of the text not yet read (up to 1 MiB), for format detection.</summary>
    public ReadOnlySpan<byte> Head => _data.Span[_start.._end];

    /// <summary>The file path for error messages.</summary>
    public string FilePath => _filePath;

    /// <summary>The file (and zip entry) name for messages.</summary>
    public string Source => _source;

    /// <summary>Returns the next line without its line break (LF or CRLF), or false at the end.</summary>
    /// <exception cref="DataImportException">The line is longer than <see cref="MaxLineBytes"/>.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var available = _data.Span[_start.._end];
            var window = available.Length > MaxLineBytes ? available[..(MaxLineBytes + 1)] : available;
            var newline = window.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(available[..newline]);
                _start += newline + 1;
                LineNumber++;
                return true;
            }

            if (available.Length > MaxLineBytes)
            {
                throw ImportErrors.LineTooLong(this, LineNumber + 1);
            }

            if (_endOfStream)
            {
                _start = _end;
                if (available.IsEmpty)
                {
                    line = default;
                    return false;
                }

                LineNumber++;
                line = TrimCarriageReturn(available);
                return true;
            }

            Fill();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    // Moves the unread tail to the front of the buffer and reads until it is full or the stream ends.
    private void Fill()
    {
        var buffer = _rented!;
        var tail = _end - _start;
        Buffer.BlockCopy(buffer, _start, buffer, 0, tail);
        _start = 0;
        _end = tail;
        while (_end < buffer.Length)
        {
            var read = _stream!.Read(buffer, _end, buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }
    }

    private void SkipByteOrderMark()
    {
        var head = Head;
        if (head.StartsWith("\uFEFF"u8))
        {
            _start += 3;
            return;
        }

        Encoding? utf16 =
            head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || (head.Length >= 2 && head[0] != 0 && head[1] == 0) ? Encoding.Unicode
            : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || (head.Length >= 2 && head[0] == 0 && head[1] != 0) ? Encoding.BigEndianUnicode
            : null;
        if (utf16 is not null)
        {
            TranscodeToUtf8(utf16);
        }
    }

    // UTF-16 exports are rare and small next to tick dumps: decode them whole into memory.
    private void TranscodeToUtf8(Encoding utf16)
    {
        using var all = new MemoryStream();
        all.Write(Head);
        _stream?.CopyTo(all);
        var text = utf16.GetString(all.GetBuffer(), 0, (int)all.Length);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        Dispose();
        _data = Encoding.UTF8.GetBytes(text);
        _start = 0;
        _end = _data.Length;
        _endOfStream = true;
    }
}
