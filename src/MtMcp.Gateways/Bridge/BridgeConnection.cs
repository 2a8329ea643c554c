using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Channels;
using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// One socket speaking NDJSON: a framed reader with a line cap, and a single writer loop fed by a channel so
/// that any thread may send without interleaving lines.
/// </summary>
internal sealed class BridgeConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _time;
    private readonly Task _writeLoop;
    private long _lastSent;
    private long _lastReceived;

    public BridgeConnection(Stream stream, string remote, int maxLine, TimeProvider time)
    {
        _stream = stream;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        _time = time;
        Remote = remote;
        MaxLine = maxLine;
        _lastSent = _lastReceived = time.GetTimestamp();
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    public string Remote { get; }

    /// <summary>Line cap in bytes; lowered once when the EA announces a smaller one.</summary>
    public int MaxLine { get; set; }

    public TimeSpan SinceLastSent => _time.GetElapsedTime(Interlocked.Read(ref _lastSent));

    public TimeSpan SinceLastReceived => _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    /// <summary>Queues a line; false when the connection is closing.</summary>
    public bool Send(byte[] line)
    {
        Interlocked.Exchange(ref _lastSent, _time.GetTimestamp());
        return _outbox.Writer.TryWrite(line);
    }

    /// <summary>
    /// The next message, or null at end of stream.
    /// </summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCodes.LineTooLong"/> or <see cref="BridgeErrorCodes.ProtocolError"/>.</exception>
    public async ValueTask<BridgeMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var examined = buffer.End;
            try
            {
                while (true)
                {
                    var status = NdjsonFraming.TryReadLine(ref buffer, MaxLine, out var line);
                    if (status == LineStatus.TooLong)
                    {
                        throw new BridgeException(BridgeErrorCodes.LineTooLong, $"A line is longer than the limit of {MaxLine} bytes.");
                    }

                    if (status == LineStatus.NeedMore)
                    {
                        break;
                    }

                    if (line.IsEmpty)
                    {
                        continue;
                    }

                    Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
                    examined = buffer.Start;
                    return Parse(line);
                }

                if (result.IsCompleted)
                {
                    return null;
                }
            }
            finally
            {
                _reader.AdvanceTo(buffer.Start, examined);
            }
        }
    }

    /// <summary>Sends the queued lines, then an optional <c>error</c> and <c>bye</c>, then closes the socket.</summary>
    public async ValueTask CloseAsync(bool sendBye, string? errorCode = null, string? message = null)
    {
        var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (errorCode is not null)
        {
            _outbox.Writer.TryWrite(BridgeWriter.Line<WireEmpty>(
                new BridgeHeader(BridgeMessageTypes.Error, ts), null, null, new WireError { Code = errorCode, Message = message ?? "" }));
        }

        if (sendBye)
        {
            _outbox.Writer.TryWrite(BridgeWriter.Line(new BridgeHeader(BridgeMessageTypes.Bye, ts)));
        }

        _outbox.Writer.TryComplete();
        try
        {
            // The write loop drains within a moment on a live socket; a stuck peer must not hold us.
            await _writeLoop.WaitAsync(TimeSpan.FromSeconds(2), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private static BridgeMessage Parse(in ReadOnlySequence<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            return JsonSerializer.Deserialize(ref reader, BridgeJsonContext.Default.BridgeMessage)
                ?? throw new BridgeException(BridgeErrorCodes.ProtocolError, "A line is JSON null, not a message object.");
        }
        catch (JsonException ex)
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, $"A line is not a valid message: {ex.Message}");
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var reader = _outbox.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var line))
                {
                    await _stream.WriteAsync(line).ConfigureAwait(false);
                }

                await _stream.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The socket went away; the read side sees the end and closes the session.
            _outbox.Writer.TryComplete();
        }
    }
}
