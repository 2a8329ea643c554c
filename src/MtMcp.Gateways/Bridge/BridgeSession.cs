using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// One connected terminal account after a successful handshake: requests with correlation and deadlines,
/// events in arrival order with <c>seq</c> gap detection, heartbeats, and server-time → UTC conversion.
/// </summary>
/// <remarks>Thread-safe: any number of callers may send requests; <see cref="Events"/> has one reader.</remarks>
public sealed partial class BridgeSession : IAsyncDisposable
{
    private readonly BridgeConnection _connection;
    private readonly BridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BridgeMessage>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _inflight;
    private readonly Channel<BridgeEvent> _events;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _redactedKey;
    private ITimer? _heartbeat;
    private long _nextId;
    private long _lastSeq;
    private long _offsetSeconds;
    private int _closeStarted;

    internal BridgeSession(BridgeConnection connection, BridgeOptions options, TimeProvider time, ILogger logger, BridgeSessionInfo info, string connectionId)
    {
        _connection = connection;
        _options = options;
        _time = time;
        _logger = logger;
        _inflight = new SemaphoreSlim(options.MaxInflight, options.MaxInflight);
        _events = Channel.CreateBounded<BridgeEvent>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Info = info;
        ConnectionId = connectionId;
        _redactedKey = info.Key.ToRedactedString();
        _offsetSeconds = (long)info.ServerTimeOffset.TotalSeconds;
    }

    /// <summary>The account this session serves.</summary>
    public BridgeAccountKey Key => Info.Key;

    /// <summary>What the EA announced in its <c>hello</c>.</summary>
    public BridgeSessionInfo Info { get; }

    /// <summary>The server's id of this connection (<c>c-…</c>), as sent in <c>welcome</c>.</summary>
    public string ConnectionId { get; }

    /// <summary>Whether this server lets the account trade (sent to the EA in <c>welcome</c>).</summary>
    public bool TradingEnabled => _options.AllowsTrading(Info.Account.TradeMode);

    /// <summary>Broker server time minus UTC, as the EA last reported it (hello, pong, account.info).</summary>
    public TimeSpan ServerTimeOffset => TimeSpan.FromSeconds(Interlocked.Read(ref _offsetSeconds));

    /// <summary>Whether the link is still open.</summary>
    public bool IsConnected => _closeStarted == 0;

    /// <summary>Completes with the reason when the session has ended.</summary>
    public Task<string> Completion => _closed.Task;

    /// <summary>The EA's events in arrival order; completes when the session ends.</summary>
    public ChannelReader<BridgeEvent> Events => _events.Reader;

    /// <summary>Converts a broker server-time timestamp (Unix ms as the terminal reports it) to Unix ms UTC.</summary>
    public long ServerTimeToUtcMs(long serverTimeMs) => serverTimeMs - (Interlocked.Read(ref _offsetSeconds) * 1000);

    /// <summary>Converts Unix ms UTC to broker server time in Unix seconds (MQL <c>datetime</c>).</summary>
    public long UtcMsToServerTimeSeconds(long utcMs) => (utcMs / 1000) + Interlocked.Read(ref _offsetSeconds);

    /// <summary>
    /// Sends request <paramref name="op"/> and waits for its answer until the deadline (default per
    /// <see cref="BridgeOptions"/>). Returns the <c>data</c> of a successful response.
    /// </summary>
    /// <exception cref="BridgeException">
    /// The EA answered <c>ok:false</c> (its code), the deadline passed (<c>TIMEOUT</c>) or the link was lost
    /// (<c>DISCONNECTED</c>); <see cref="BridgeException.RequestSent"/> tells whether the EA may have seen it.
    /// </exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<JsonElement> RequestAsync<TData>(string op, TData data, JsonTypeInfo<TData> dataInfo, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        var response = await ExchangeAsync(op, data, dataInfo, deadline ?? _options.DefaultDeadline, cancellationToken).ConfigureAwait(false);
        if (response.Ok != true)
        {
            var error = response.Error ?? new WireError { Code = BridgeErrorCodes.ProtocolError, Message = "The EA answered ok:false without an error." };
            throw new BridgeException(error.Code, error.Message, requestSent: true, error.MqlError);
        }

        return response.Data;
    }

    /// <summary>Closes the link (sends <c>bye</c>), fails requests in flight with <c>DISCONNECTED</c> and ends <see cref="Events"/>.</summary>
    public ValueTask DisposeAsync() => CloseAsync("closed by the server", sendBye: true);

    internal async ValueTask CloseAsync(string reason, bool sendBye, string? errorCode = null)
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) != 0)
        {
            await _closed.Task.ConfigureAwait(false);
            return;
        }

        _heartbeat?.Dispose();
        await _closing.CancelAsync().ConfigureAwait(false);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(new BridgeException(BridgeErrorCodes.Disconnected, $"The link to {_redactedKey} closed ({reason}) before the answer arrived.", requestSent: true));
            }
        }

        await _connection.CloseAsync(sendBye, errorCode, errorCode is null ? null : reason).ConfigureAwait(false);

        _events.Writer.TryComplete();
        Log.SessionClosed(_logger, ConnectionId, _redactedKey, reason);
        _closed.TrySetResult(reason);
    }

    /// <summary>Runs the read loop until the link ends; called by the listener after <c>welcome</c>.</summary>
    internal async Task RunAsync()
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(_options.HeartbeatInterval.Ticks, _options.IdleTimeout.Ticks) / 5));
        _heartbeat = _time.CreateTimer(static state => ((BridgeSession)state!).OnHeartbeat(), this, period, period);
        var reason = "the EA closed the connection";
        string? errorCode = null;
        try
        {
            while (await _connection.ReadAsync(_closing.Token).ConfigureAwait(false) is { } message)
            {
                if (!await DispatchAsync(message).ConfigureAwait(false))
                {
                    reason = "the EA said bye";
                    break;
                }
            }
        }
        catch (BridgeException ex)
        {
            reason = ex.Message;
            errorCode = ex.Code;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            reason = "connection lost: " + ex.Message;
        }

        await CloseAsync(reason, sendBye: errorCode is not null, errorCode).ConfigureAwait(false);
    }

    private async ValueTask<bool> DispatchAsync(BridgeMessage message)
    {
        switch (message.Type)
        {
            case BridgeMessageTypes.Response:
                Complete(message);
                return true;
            case BridgeMessageTypes.Event:
                await OnEventAsync(message).ConfigureAwait(false);
                return true;
            case BridgeMessageTypes.Ping:
                _connection.Send(BridgeWriter.Line(new BridgeHeader(BridgeMessageTypes.Pong, Now(), Re: message.Id)));
                return true;
            case BridgeMessageTypes.Pong:
                OnPong(message);
                return true;
            case BridgeMessageTypes.Error:
                var error = message.Error ?? new WireError { Code = BridgeErrorCodes.ProtocolError, Message = "error without details" };
                Log.PeerError(_logger, ConnectionId, error.Code, error.Message);
                if (message.Re is not null && _pending.ContainsKey(message.Re))
                {
                    Complete(message);
                }

                if (BridgeErrorCodes.IsFatal(error.Code))
                {
                    throw new BridgeException(error.Code, "the EA reported a fatal error: " + error.Message);
                }

                return true;
            case BridgeMessageTypes.Bye:
                return false;
            default:
                throw new BridgeException(BridgeErrorCodes.ProtocolError, $"Message type '{message.Type}' is not allowed after welcome; expected res, evt, ping, pong, error or bye.");
        }
    }

    private void Complete(BridgeMessage message)
    {
        if (message.Re is null)
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, $"A '{message.Type}' message has no 're' naming the request it answers.");
        }

        if (_pending.TryRemove(message.Re, out var waiter))
        {
            waiter.TrySetResult(message);
        }
        else
        {
            Log.LateResponse(_logger, ConnectionId, message.Re);
        }
    }

    private void OnPong(BridgeMessage message)
    {
        if (message.Data.ValueKind == JsonValueKind.Object
            && message.Data.Deserialize(BridgeJsonContext.Default.WirePong) is { ServerTimeOffsetS: { } offset })
        {
            Interlocked.Exchange(ref _offsetSeconds, offset);
        }
    }

    private async ValueTask OnEventAsync(BridgeMessage message)
    {
        if (message.Seq is not { } seq || message.Op is null)
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, "An event has no 'seq' or no 'op'.");
        }

        if (seq <= _lastSeq)
        {
            Log.DuplicateEvent(_logger, ConnectionId, seq);
            return;
        }

        var expected = _lastSeq + 1;
        _lastSeq = seq;
        if (seq != expected)
        {
            Log.SequenceGap(_logger, ConnectionId, seq, expected);
            await _events.Writer.WriteAsync(new BridgeSequenceGapEvent(seq, expected), _closing.Token).ConfigureAwait(false);
        }

        BridgeEvent typed;
        try
        {
            typed = message.Op switch
            {
                BridgeOps.TickEvent => ToTick(seq, message.Data.Deserialize(BridgeJsonContext.Default.WireTick)!),
                BridgeOps.TradeTransactionEvent => new BridgeTradeTransactionEvent(seq, ToTransaction(message.Data.Deserialize(BridgeJsonContext.Default.WireTradeTransaction)!)),
                _ => new BridgeRawEvent(seq, message.Op, message.Data.Clone()),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentNullException or NullReferenceException)
        {
            // Never lose an event because one field is odd: hand it on raw.
            Log.UnsupportedEvent(_logger, ConnectionId, message.Op, ex.Message);
            typed = new BridgeRawEvent(seq, message.Op, message.Data.Clone());
        }

        await _events.Writer.WriteAsync(typed, _closing.Token).ConfigureAwait(false);
    }

    private BridgeTickEvent ToTick(long seq, WireTick tick) =>
        new(seq, tick.Symbol, new Tick(ServerTimeToUtcMs(tick.TimeMsc), tick.Bid, tick.Ask, tick.Last, tick.VolumeReal, (TickFlags)tick.Flags));

    private static BridgeTradeTransaction ToTransaction(WireTradeTransaction tx) => new()
    {
        Type = MqlNames.TradeTransactionType.TryParse(tx.Type, out var type) ? type : null,
        TypeName = tx.Type,
        Deal = tx.Deal,
        Order = tx.Order,
        Symbol = tx.Symbol,
        OrderType = MqlNames.OrderType.TryParse(tx.OrderType, out var orderType) ? orderType : null,
        OrderState = MqlNames.OrderState.TryParse(tx.OrderState, out var state) ? state : null,
        DealType = MqlNames.DealType.TryParse(tx.DealType, out var dealType) ? dealType : null,
        Price = tx.Price,
        StopLoss = tx.PriceSl,
        TakeProfit = tx.PriceTp,
        Volume = tx.Volume,
        Position = tx.Position,
        PositionBy = tx.PositionBy,
    };

    private void OnHeartbeat()
    {
        if (_closeStarted != 0)
        {
            return;
        }

        if (_connection.SinceLastReceived >= _options.IdleTimeout)
        {
            var silent = ((long)_connection.SinceLastReceived.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            _ = CloseAsync($"idle timeout: nothing received for {silent} ms", sendBye: true).AsTask();
            return;
        }

        if (_connection.SinceLastSent >= _options.HeartbeatInterval)
        {
            _connection.Send(BridgeWriter.Line(new BridgeHeader(BridgeMessageTypes.Ping, Now(), Id: NextId())));
        }
    }

    private async Task<BridgeMessage> ExchangeAsync<TData>(string op, TData data, JsonTypeInfo<TData> dataInfo, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var deadlineCts = new CancellationTokenSource(deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineCts.Token, _closing.Token);
        var sent = false;
        var id = NextId();
        var slotTaken = false;
        try
        {
            await _inflight.WaitAsync(linked.Token).ConfigureAwait(false);
            slotTaken = true;
            var waiter = new TaskCompletionSource<BridgeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = waiter;
            var line = BridgeWriter.Line(new BridgeHeader(BridgeMessageTypes.Request, Now(), Id: id, Op: op, DeadlineMs: (int)deadline.TotalMilliseconds), data, dataInfo);
            if (!_connection.Send(line))
            {
                throw new BridgeException(BridgeErrorCodes.Disconnected, $"The link to {_redactedKey} is closed; '{op}' was not sent.");
            }

            sent = true;
            return await waiter.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var (code, what) = deadlineCts.IsCancellationRequested
                ? (BridgeErrorCodes.Timeout, $"no answer to '{op}' within {deadline.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms")
                : (BridgeErrorCodes.Disconnected, $"the link closed before the answer to '{op}' arrived");
            throw new BridgeException(code, what, sent);
        }
        catch (OperationCanceledException) when (sent)
        {
            throw new BridgeException(BridgeErrorCodes.Canceled, $"The caller stopped waiting for the answer to '{op}' after it was sent.", requestSent: true);
        }
        finally
        {
            _pending.TryRemove(id, out _);
            if (slotTaken)
            {
                _inflight.Release();
            }
        }
    }

    private string NextId() => "s-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
