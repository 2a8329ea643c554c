using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using MtMcp.Domain;
using MtMcp.Engine;

namespace MtMcp.Testing.Bridge;

/// <summary>How the simulated EA writes its lines to the socket.</summary>
public enum EaWriteMode
{
    /// <summary>One write per batch of lines (several lines coalesced when sent together).</summary>
    Normal,

    /// <summary>Every byte in its own write: frames and UTF-8 sequences split at every boundary.</summary>
    ByteByByte,
}

/// <summary>What the simulated EA does with the next <c>trade.send</c>.</summary>
public enum EaTradeFault
{
    /// <summary>Executes and answers.</summary>
    None,

    /// <summary>Drops the connection on receipt, without executing.</summary>
    DropBeforeExecuting,

    /// <summary>Executes, then drops the connection without answering.</summary>
    DropAfterExecuting,
}

/// <summary>
/// A simulated McpBridge EA: a TCP (optionally TLS) client that speaks the bridge protocol from its text (JSON built
/// and read with <see cref="JsonNode"/>, not the server's serializer) on top of a <see cref="SimulatedTerminal"/>, with
/// fault injection. Single-threaded like the real EA: requests are served one at a time, in order.
/// </summary>
public sealed class SimulatedEa : IAsyncDisposable
{
    private readonly SimulatedTerminal _terminal;
    private readonly IPEndPoint _server;
    private readonly string _token;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JsonObject> _requests = [];
    private readonly HashSet<string> _subscriptions = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stream? _stream;
    private TcpClient? _client;
    private Task _loop = Task.CompletedTask;
    private long _seq;
    private long _nextId;
    private int _connections;

    /// <summary>Creates the EA of <paramref name="terminal"/>; <see cref="StartAsync"/> connects it to <paramref name="server"/>.</summary>
    public SimulatedEa(SimulatedTerminal terminal, IPEndPoint server, string token = "secret")
    {
        _terminal = terminal;
        _server = server;
        _token = token;
    }

    /// <summary>Connect again after the link ends (as the EA's timer does with backoff).</summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>Pause before reconnecting.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How lines are written.</summary>
    public EaWriteMode WriteMode { get; set; }

    /// <summary>What happens to the next <c>trade.send</c> (reset to <see cref="EaTradeFault.None"/> once used).</summary>
    public EaTradeFault NextTradeFault { get; set; }

    /// <summary>Pause before answering each trade request.</summary>
    public TimeSpan TradeResponseDelay { get; set; }

    /// <summary>Send every response twice.</summary>
    public bool DuplicateResponses { get; set; }

    /// <summary>Skip this many seq numbers before the next event (a gap), once.</summary>
    public int SkipSeq { get; set; }

    /// <summary>Most rows per <c>history.orders</c>/<c>history.deals</c> answer; <c>offset</c> pages on.</summary>
    public int HistoryPageSize { get; set; } = 1000;

    /// <summary>Answer nothing and send nothing (the server's idle timeout must end the link).</summary>
    public bool Silent { get; set; }

    /// <summary>TLS target host name; null = plain TCP.</summary>
    public string? TlsHost { get; set; }

    /// <summary>The certificate check for TLS (required with <see cref="TlsHost"/>).</summary>
    public RemoteCertificateValidationCallback? ValidateServerCertificate { get; set; }

    /// <summary>How many connections got a <c>welcome</c>.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The last <c>welcome</c>, or the <c>error</c> that refused the last hello.</summary>
    public JsonObject? LastHandshake { get; private set; }

    /// <summary>The symbols whose ticks are streamed (restored from every <c>welcome</c>).</summary>
    public IReadOnlyCollection<string> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Connects, completes the handshake, and serves until disposed (reconnecting per <see cref="AutoReconnect"/>).</summary>
    /// <returns>A task that completes at the first <c>welcome</c>, or fails when the server refuses the hello.</returns>
    public Task StartAsync()
    {
        var first = _connected.Task;
        _loop = Task.Run(RunAsync);
        return first;
    }

    /// <summary>Waits until at least <paramref name="count"/> connections were welcomed.</summary>
    public async Task WaitForConnectionAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Connections < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The simulated EA has {Connections} connections, not {count}, after {timeout}.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the link now (as a terminal losing its network).</summary>
    public void Drop()
    {
        // A disposed TcpClient has no socket any more.
        _client?.Client?.Close(0);
    }

    /// <summary>Applies a quote at the broker and streams it (if subscribed) with the trade events it caused.</summary>
    public Task PublishTickAsync(string symbol, double bid, double ask, long utcMs)
    {
        var transactions = _terminal.Quote(symbol, bid, ask, utcMs);
        var lines = new List<string>(1 + transactions.Count);
        bool subscribed;
        lock (_gate)
        {
            subscribed = _subscriptions.Contains(symbol);
        }

        if (subscribed)
        {
            lines.Add(Event("tick", TickData(symbol, bid, ask, utcMs)));
        }

        foreach (var tx in transactions)
        {
            lines.Add(Event("trade_tx", TransactionData(tx)));
        }

        return WriteAsync(lines);
    }

    /// <summary>Streams <paramref name="count"/> ticks of <paramref name="symbol"/> in one write (without touching the broker).</summary>
    public Task PublishTickBurstAsync(string symbol, int count, double bid, double ask, long utcMs)
    {
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(Event("tick", TickData(symbol, bid, ask, utcMs + i)));
        }

        return WriteAsync(lines);
    }

    /// <summary>Writes raw text (no newline added).</summary>
    public Task SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Takes <paramref name="count"/> event sequence numbers for lines a caller writes itself with
    /// <see cref="SendRawAsync(ReadOnlyMemory{byte})"/>; returns the first.
    /// </summary>
    public long ReserveSeq(int count) => Interlocked.Add(ref _seq, count) - count + 1;

    /// <summary>Writes raw bytes (no newline added).</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        var stream = _stream ?? throw new InvalidOperationException("Not connected.");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Stops the EA and closes its link.</summary>
    public async ValueTask DisposeAsync()
    {
        AutoReconnect = false;
        await _stop.CancelAsync().ConfigureAwait(false);
        Drop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await ConnectAndServeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                _connected.TrySetException(ex);
            }
            finally
            {
                _client?.Dispose();
                _stream = null;
            }

            if (!AutoReconnect || _stop.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(ReconnectDelay, _stop.Token).ConfigureAwait(false);
        }
    }

    private async Task ConnectAndServeAsync()
    {
        var client = new TcpClient { NoDelay = true };
        _client = client;
        await client.ConnectAsync(_server, _stop.Token).ConfigureAwait(false);
        Stream stream = client.GetStream();
        if (TlsHost is { } host)
        {
            var validate = ValidateServerCertificate ?? throw new InvalidOperationException("TLS needs ValidateServerCertificate (pin the test certificate).");
            var tls = new SslStream(stream, leaveInnerStreamOpen: false, validate);
            await tls.AuthenticateAsClientAsync(host).ConfigureAwait(false);
            stream = tls;
        }

        _stream = stream;
        Interlocked.Exchange(ref _seq, 0);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        await WriteAsync([Hello()]).ConfigureAwait(false);
        var handshake = await ReadAsync(reader).ConfigureAwait(false) ?? throw new IOException("The server closed the link before welcome.");
        LastHandshake = handshake;
        if ((string?)handshake["type"] != "welcome")
        {
            AutoReconnect = false;
            _connected.TrySetException(new InvalidOperationException("The server refused the hello: " + handshake.ToJsonString()));
            return;
        }

        lock (_gate)
        {
            // The welcome's subscriptions are the state to restore after a reconnect.
            _subscriptions.Clear();
            foreach (var symbol in handshake["data"]?["subscriptions"]?["ticks"]?.AsArray() ?? [])
            {
                _subscriptions.Add((string)symbol!);
            }
        }

        Interlocked.Increment(ref _connections);
        var connected = _connected;
        _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connected.TrySetResult();

        while (await ReadAsync(reader).ConfigureAwait(false) is { } message)
        {
            if (Silent)
            {
                continue;
            }

            switch ((string?)message["type"])
            {
                case "req":
                    lock (_gate)
                    {
                        _requests.Add(message);
                    }

                    if (!await ServeAsync(message).ConfigureAwait(false))
                    {
                        client.Client.Close(0);
                        return;
                    }

                    break;
                case "ping":
                    await WriteAsync([Envelope("pong", re: (string?)message["id"], data: new JsonObject { ["queue"] = 0, ["dropped"] = 0, ["terminal_connected"] = true, ["server_time_offset_s"] = _terminal.OffsetSeconds })]).ConfigureAwait(false);
                    break;
                case "bye":
                    return;
            }
        }
    }

    private async Task<JsonObject?> ReadAsync(StreamReader reader)
    {
        var line = await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Serves one request; false when a fault says to drop the link.</summary>
    private async Task<bool> ServeAsync(JsonObject request)
    {
        var op = (string?)request["op"];
        var data = request["data"]?.AsObject() ?? [];
        JsonNode? result;
        var transactions = (IReadOnlyList<TradeTransaction>)[];
        switch (op)
        {
            case "trade.send":
                var fault = NextTradeFault;
                NextTradeFault = EaTradeFault.None;
                if (fault == EaTradeFault.DropBeforeExecuting)
                {
                    return false;
                }

                (var trade, transactions) = _terminal.Send(ToRequest(data["request"]!.AsObject()));
                if (fault == EaTradeFault.DropAfterExecuting)
                {
                    return false;
                }

                if (TradeResponseDelay > TimeSpan.Zero)
                {
                    await Task.Delay(TradeResponseDelay, _stop.Token).ConfigureAwait(false);
                }

                result = trade;
                break;
            case "account.info":
                result = AccountData();
                break;
            case "positions.list":
                result = new JsonObject { ["positions"] = Positions((string?)data["symbol"]) };
                break;
            case "orders.list":
                result = new JsonObject { ["orders"] = Orders(null, (string?)data["symbol"]) };
                break;
            case "history.orders":
                result = Page("orders", Orders(((long)data["from"]!, (long)data["to"]!), (string?)data["symbol"]), (int?)data["offset"] ?? 0);
                break;
            case "history.deals":
                result = Page("deals", Deals((long)data["from"]!, (long)data["to"]!, (string?)data["symbol"]), (int?)data["offset"] ?? 0);
                break;
            case "order.check":
                result = Check(ToRequest(data["request"]!.AsObject()));
                break;
            case "subscribe":
                lock (_gate)
                {
                    foreach (var symbol in data["ticks"]?.AsArray() ?? [])
                    {
                        _subscriptions.Add((string)symbol!);
                    }
                }

                result = new JsonObject();
                break;
            case "tick.last":
                result = LastTick((string)data["symbol"]!);
                break;
            case "symbol.spec":
                if (!_terminal.Venue.Quotes.Symbols.TryGet((string?)data["symbol"] ?? "", out var spec))
                {
                    await WriteAsync([Envelope("res", re: (string?)request["id"], ok: false, error: new JsonObject
                    {
                        ["code"] = "SYMBOL_NOT_FOUND",
                        ["message"] = $"symbol '{(string?)data["symbol"]}' is not known to the terminal",
                    })]).ConfigureAwait(false);
                    return true;
                }

                // The deposit is in USD: the tick value is the profit currency's only where that is USD too.
                result = SimulatedSymbolSpec.Write(spec, _terminal.OffsetSeconds,
                    spec.CurrencyProfit == "USD" ? (SymbolSpec.UsesTickPrice(spec.CalcMode) ? spec.TickPrice : spec.TickSize * spec.ContractSize) : 0);
                break;
            default:
                await WriteAsync([Envelope("res", re: (string?)request["id"], ok: false, error: new JsonObject { ["code"] = "UNKNOWN_OP", ["message"] = $"op '{op}' is not implemented" })]).ConfigureAwait(false);
                return true;
        }

        var lines = new List<string>();
        var response = Envelope("res", re: (string?)request["id"], ok: true, data: result);
        lines.Add(response);
        if (DuplicateResponses)
        {
            lines.Add(response);
        }

        foreach (var tx in transactions)
        {
            lines.Add(Event("trade_tx", TransactionData(tx)));
        }

        await WriteAsync(lines).ConfigureAwait(false);
        return true;
    }

    private async Task WriteAsync(List<string> lines)
    {
        if (lines.Count == 0 || Silent)
        {
            return;
        }

        var stream = _stream;
        if (stream is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (WriteMode == EaWriteMode.ByteByByte)
            {
                for (var i = 0; i < bytes.Length; i++)
                {
                    await stream.WriteAsync(bytes.AsMemory(i, 1)).ConfigureAwait(false);
                    await stream.FlushAsync().ConfigureAwait(false);
                }
            }
            else
            {
                await stream.WriteAsync(bytes).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // The link is gone; the read loop notices and reconnects.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private string Hello() => Envelope("hello", id: "e-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture), data: new JsonObject
    {
        ["token"] = _token,
        ["proto"] = 1,
        ["platform"] = "MT5",
        ["ea_version"] = "1.0.0-sim",
        ["terminal_build"] = 4620,
        ["account"] = new JsonObject
        {
            ["login"] = _terminal.Login,
            ["server"] = _terminal.Server,
            ["company"] = "Simulated Broker Ltd",
            ["currency"] = "USD",
            ["trade_mode"] = _terminal.TradeModeName,
            ["margin_mode"] = MqlText.Name("ACCOUNT_MARGIN_MODE_", _terminal.Account.Settings.Info.MarginMode),
            ["leverage"] = 100,
        },
        ["server_time_offset_s"] = _terminal.OffsetSeconds,
        ["caps"] = new JsonArray("ticks", "trade", "history", "calc", "trade_tx"),
        ["limits"] = new JsonObject { ["max_line"] = 1 << 20 },
    });

    private string Event(string op, JsonObject data)
    {
        var skip = SkipSeq;
        SkipSeq = 0;
        var seq = Interlocked.Add(ref _seq, 1 + skip);
        var message = new JsonObject { ["v"] = 1, ["type"] = "evt", ["op"] = op, ["seq"] = seq, ["ts"] = 0, ["data"] = data };
        return message.ToJsonString();
    }

    private static string Envelope(string type, string? id = null, string? re = null, bool? ok = null, JsonNode? data = null, JsonObject? error = null)
    {
        var message = new JsonObject { ["v"] = 1, ["type"] = type };
        if (id is not null)
        {
            message["id"] = id;
        }

        if (re is not null)
        {
            message["re"] = re;
        }

        message["ts"] = 0;
        if (ok is not null)
        {
            message["ok"] = ok;
        }

        if (data is not null)
        {
            message["data"] = data;
        }

        if (error is not null)
        {
            message["error"] = error;
        }

        return message.ToJsonString();
    }

    private JsonObject Page(string name, JsonArray all, int offset)
    {
        var page = new JsonArray();
        for (var i = offset; i < all.Count && page.Count < HistoryPageSize; i++)
        {
            page.Add(all[i]!.DeepClone());
        }

        var next = offset + page.Count;
        var more = next < all.Count;
        var result = new JsonObject { [name] = page, ["more"] = more };
        if (more)
        {
            result["next_offset"] = next;
        }

        return result;
    }

    private long ServerMs(long utcMs) => utcMs + (_terminal.OffsetSeconds * 1000L);

    private long UtcMsFromServerSeconds(long serverSeconds) => (serverSeconds - _terminal.OffsetSeconds) * 1000L;

    private JsonObject TickData(string symbol, double bid, double ask, long utcMs) => new()
    {
        ["symbol"] = symbol,
        ["time_msc"] = ServerMs(utcMs),
        ["bid"] = bid,
        ["ask"] = ask,
        ["last"] = 0,
        ["volume_real"] = 0,
        ["flags"] = 6,
    };

    private JsonObject LastTick(string symbol)
    {
        lock (_terminal.Sync)
        {
            var quote = _terminal.Venue.Quotes.TryGetQuote(symbol, out var q) ? q.Value : throw new InvalidOperationException("no quote");
            return TickData(symbol, quote.Bid, quote.Ask, quote.TimeMs);
        }
    }

    private static JsonObject TransactionData(TradeTransaction tx) => new()
    {
        ["type"] = MqlText.Name("TRADE_TRANSACTION_", tx.Type),
        ["deal"] = tx.Deal?.Ticket ?? 0,
        ["order"] = tx.Order?.Ticket ?? tx.Deal?.Order ?? 0,
        ["symbol"] = tx.Order?.Symbol ?? tx.Deal?.Symbol ?? tx.Position?.Symbol ?? "",
        ["order_type"] = tx.Order is { } o ? MqlText.Name("ORDER_TYPE_", o.Type) : null,
        ["order_state"] = tx.Order is { } s ? MqlText.Name("ORDER_STATE_", s.State) : null,
        ["deal_type"] = tx.Deal is { } d ? MqlText.Name("DEAL_TYPE_", d.Type) : null,
        ["price"] = tx.Deal?.Price ?? tx.Order?.PriceOpen ?? tx.Position?.PriceOpen ?? 0,
        ["price_sl"] = tx.Position?.StopLoss ?? tx.Order?.StopLoss ?? 0,
        ["price_tp"] = tx.Position?.TakeProfit ?? tx.Order?.TakeProfit ?? 0,
        ["volume"] = tx.Deal?.Volume ?? tx.Order?.VolumeCurrent ?? tx.Position?.Volume ?? 0m,
        ["position"] = tx.Position?.Ticket ?? tx.Deal?.PositionId ?? 0,
        ["position_by"] = 0,
    };

    private JsonObject AccountData()
    {
        lock (_terminal.Sync)
        {
            var s = _terminal.Account.Snapshot();
            return new JsonObject
            {
                ["login"] = s.Info.Login,
                ["server"] = s.Info.Server,
                ["name"] = "Trader Ünïcødé €",
                ["company"] = s.Info.Company,
                ["currency"] = s.Info.Currency,
                ["currency_digits"] = 2,
                ["leverage"] = s.Info.Leverage,
                ["trade_mode"] = _terminal.TradeModeName,
                ["margin_mode"] = MqlText.Name("ACCOUNT_MARGIN_MODE_", s.Info.MarginMode),
                ["margin_so_mode"] = "ACCOUNT_STOPOUT_MODE_PERCENT",
                ["margin_so_call"] = s.Info.MarginCall,
                ["margin_so_so"] = s.Info.MarginStopOut,
                ["balance"] = s.Balance,
                ["credit"] = s.Credit,
                ["equity"] = Math.Round(s.Equity, 2),
                ["profit"] = Math.Round(s.Profit, 2),
                ["margin"] = Math.Round(s.Margin, 2),
                ["margin_free"] = Math.Round(s.MarginFree, 2),
                ["margin_level"] = Math.Round(s.MarginLevel ?? 0, 2),
                ["trade_allowed"] = true,
                ["trade_expert"] = true,
                ["terminal_connected"] = true,
                ["terminal_trade_allowed"] = true,
                ["mql_trade_allowed"] = true,
                ["server_time_offset_s"] = _terminal.OffsetSeconds,
            };
        }
    }

    private JsonArray Positions(string? symbol)
    {
        lock (_terminal.Sync)
        {
            var rows = new JsonArray();
            foreach (var p in _terminal.Account.Positions)
            {
                if (symbol is not null && p.Symbol != symbol)
                {
                    continue;
                }

                var quote = _terminal.Venue.Quotes.TryGetQuote(p.Symbol, out var q) ? q.Value : default;
                rows.Add(new JsonObject
                {
                    ["ticket"] = p.Ticket,
                    ["identifier"] = p.Ticket,
                    ["symbol"] = p.Symbol,
                    ["type"] = MqlText.Name("POSITION_TYPE_", p.Type),
                    ["volume"] = p.Volume,
                    ["price_open"] = p.PriceOpen,
                    ["price_current"] = p.Type == PositionType.Buy ? quote.Bid : quote.Ask,
                    ["sl"] = p.StopLoss,
                    ["tp"] = p.TakeProfit,
                    ["swap"] = p.Swap,
                    ["profit"] = Math.Round(_terminal.Account.FloatingProfit(p), 2),
                    ["time_msc"] = ServerMs(p.TimeMs),
                    ["time_update_msc"] = p.TimeUpdateMs == 0 ? 0 : ServerMs(p.TimeUpdateMs),
                    ["magic"] = p.Magic,
                    ["comment"] = p.Comment,
                    ["reason"] = MqlText.Name("POSITION_REASON_", p.Reason),
                });
            }

            return rows;
        }
    }

    private JsonArray Orders((long From, long To)? history, string? symbol)
    {
        lock (_terminal.Sync)
        {
            IEnumerable<Order> source = history is { } range
                ? _terminal.Account.HistoryOrders(new HistoryQuery(UtcMsFromServerSeconds(range.From), UtcMsFromServerSeconds(range.To), symbol))
                : _terminal.Account.Orders.Where(o => symbol is null || o.Symbol == symbol);
            var rows = new JsonArray();
            foreach (var o in source)
            {
                rows.Add(new JsonObject
                {
                    ["ticket"] = o.Ticket,
                    ["symbol"] = o.Symbol,
                    ["type"] = MqlText.Name("ORDER_TYPE_", o.Type),
                    ["state"] = MqlText.Name("ORDER_STATE_", o.State),
                    ["volume_initial"] = o.VolumeInitial,
                    ["volume_current"] = o.VolumeCurrent,
                    ["price_open"] = o.PriceOpen,
                    ["price_stoplimit"] = o.StopLimit,
                    ["sl"] = o.StopLoss,
                    ["tp"] = o.TakeProfit,
                    ["time_setup_msc"] = ServerMs(o.TimeSetupMs),
                    ["time_done_msc"] = o.TimeDoneMs == 0 ? 0 : ServerMs(o.TimeDoneMs),
                    ["time_expiration"] = o.ExpirationMs == 0 ? 0 : ServerMs(o.ExpirationMs) / 1000,
                    ["type_time"] = MqlText.Name("ORDER_TIME_", o.TimeType),
                    ["type_filling"] = MqlText.Name("ORDER_FILLING_", o.Filling),
                    ["magic"] = o.Magic,
                    ["comment"] = o.Comment,
                    ["position_id"] = o.PositionId,
                    ["position_by_id"] = o.PositionById,
                    ["reason"] = MqlText.Name("ORDER_REASON_", o.Reason),
                });
            }

            return rows;
        }
    }

    private JsonArray Deals(long from, long to, string? symbol)
    {
        lock (_terminal.Sync)
        {
            var rows = new JsonArray();
            foreach (var d in _terminal.Account.Deals(new HistoryQuery(UtcMsFromServerSeconds(from), UtcMsFromServerSeconds(to), symbol)))
            {
                rows.Add(new JsonObject
                {
                    ["ticket"] = d.Ticket,
                    ["order"] = d.Order,
                    ["position_id"] = d.PositionId,
                    ["symbol"] = d.Symbol,
                    ["type"] = MqlText.Name("DEAL_TYPE_", d.Type),
                    ["entry"] = MqlText.Name("DEAL_ENTRY_", d.Entry),
                    ["volume"] = d.Volume,
                    ["price"] = d.Price,
                    ["profit"] = d.Profit,
                    ["commission"] = d.Commission,
                    ["swap"] = d.Swap,
                    ["time_msc"] = ServerMs(d.TimeMs),
                    ["magic"] = d.Magic,
                    ["comment"] = d.Comment,
                    ["reason"] = MqlText.Name("DEAL_REASON_", d.Reason),
                    ["sl"] = d.StopLoss,
                    ["tp"] = d.TakeProfit,
                });
            }

            return rows;
        }
    }

    private JsonObject Check(TradeRequest request)
    {
        lock (_terminal.Sync)
        {
            var check = _terminal.Account.Check(request);
            return new JsonObject
            {
                // MqlTradeCheckResult.retcode is 0 when OrderCheck passes.
                ["retcode"] = check.Retcode == TradeRetcode.Done ? 0 : (int)check.Retcode,
                ["balance"] = check.Balance,
                ["equity"] = check.Equity,
                ["profit"] = check.Profit,
                ["margin"] = check.Margin,
                ["margin_free"] = check.MarginFree,
                ["margin_level"] = check.MarginLevel ?? 0,
                ["comment"] = check.Message,
            };
        }
    }

    private TradeRequest ToRequest(JsonObject r)
    {
        var expiration = (long?)r["expiration"] ?? 0;
        return new TradeRequest
        {
            Action = MqlText.Parse<TradeAction>("TRADE_ACTION_", (string?)r["action"]),
            Symbol = (string?)r["symbol"] ?? "",
            Type = r["type"] is null ? OrderType.Buy : MqlText.Parse<OrderType>("ORDER_TYPE_", (string?)r["type"]),
            Volume = (decimal?)r["volume"] ?? 0,
            Price = (double?)r["price"] ?? 0,
            StopLimit = (double?)r["stoplimit"] ?? 0,
            StopLoss = (double?)r["sl"] ?? 0,
            TakeProfit = (double?)r["tp"] ?? 0,
            Deviation = (int?)r["deviation"] ?? 0,
            Filling = r["type_filling"] is null ? null : MqlText.Parse<OrderFilling>("ORDER_FILLING_", (string?)r["type_filling"]),
            TimeType = r["type_time"] is null ? OrderTimeType.Gtc : MqlText.Parse<OrderTimeType>("ORDER_TIME_", (string?)r["type_time"]),
            ExpirationMs = expiration == 0 ? 0 : UtcMsFromServerSeconds(expiration),
            Magic = (ulong?)r["magic"] ?? 0,
            Comment = (string?)r["comment"] ?? "",
            Order = (ulong?)r["order"] ?? 0,
            Position = (ulong?)r["position"] ?? 0,
            PositionBy = (ulong?)r["position_by"] ?? 0,
        };
    }

    /// <summary>Formats a price for hand-written lines in tests.</summary>
    public static string Price(double value) => Num(value);
}
