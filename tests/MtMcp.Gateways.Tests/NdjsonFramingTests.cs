using System.Buffers;
using System.Text;

namespace MtMcp.Gateways.Tests;

public sealed class NdjsonFramingTests
{
    private static List<string> Lines(ref ReadOnlySequence<byte> buffer, int max = 100)
    {
        var lines = new List<string>();
        while (NdjsonFraming.TryReadLine(ref buffer, max, out var line) == LineStatus.Line)
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }

        return lines;
    }

    [Fact]
    public void TryReadLine_MergedLinesWithCrLf_SplitsEachAndKeepsTail()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"a\":1}\r\n{\"b\":2}\n{\"c\""));
        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], Lines(ref buffer));
        Assert.Equal("{\"c\"", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void TryReadLine_OversizedUnterminatedTail_IsTooLong()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[101]);
        Assert.Equal(LineStatus.TooLong, NdjsonFraming.TryReadLine(ref buffer, 100, out _));
    }

    [Fact]
    public void TryReadLine_LineAtTheCap_IsAccepted()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(new string('x', 100) + "\n"));
        Assert.Equal(LineStatus.Line, NdjsonFraming.TryReadLine(ref buffer, 100, out var line));
        Assert.Equal(100, line.Length);
    }
}
