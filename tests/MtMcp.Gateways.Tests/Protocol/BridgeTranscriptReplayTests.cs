using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>
/// Replays every golden transcript against the real server side (BridgeListener and BridgeSession over loopback):
/// the EA's lines are sent as written, the server's requests are issued through the session, and every line the
/// server writes must equal the transcript's (except its clock <c>ts</c> and the wording of error messages).
/// Answers and events must reach the session's callers as the transcript says.
/// </summary>
public sealed class BridgeTranscriptReplayTests : IAsyncLifetime
{
    private const long ServerTimeOffsetMs = 7_200_000;
    private static readonly BridgeAccountKey s_key = new("MT5", "Broker-Demo", 123456);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_718_000_000_000));
    private BridgeListener _listener = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _listener = new BridgeListener(
            new BridgeOptions { Token = "secret", Listen = new IPEndPoint(IPAddress.Loopback, 0), TradingEnabled = true },
            _time, NullLogger<BridgeListener>.Instance);
        _listener.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    [Theory]
    [MemberData(nameof(Transcript.Names), MemberType = typeof(Transcript))]
    public async Task Replay_Transcript_ServerWritesTheTranscriptLines(string name)
    {
        var replay = new Replay(this, name);
        await replay.RunAsync(Transcript.Read(name));
    }

    [Fact]
    public async Task SendTrade_TypedMarketBuy_WritesTheTranscriptRequestAndReadsItsResult()
    {
        // market_order.ndjson, first trade: the typed API must produce exactly the golden request line.
        var lines = Transcript.Read("market_order.ndjson");
        var golden = lines.First(l => l.Side == TranscriptSide.Server && l.Type == "req");
        var answer = lines.First(l => l.Side == TranscriptSide.Ea && l.Type == "res");
        await using var ea = await FakeEa.ConnectAsync(_listener.LocalEndPoint);
        await ea.SendAsync(lines[0].Text);
        await ea.ReceiveAsync("welcome");
        var session = await _listener.Sessions.WaitForAsync(s_key, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var pending = session.SendTradeAsync(
            new TradeRequest
            {
                Action = TradeAction.Deal,
                Symbol = "EURUSD",
                Type = OrderType.Buy,
                Volume = 0.10m,
                Price = 1.08512,
                StopLoss = 1.08312,
                TakeProfit = 1.08912,
                Deviation = 10,
                Filling = OrderFilling.Ioc,
                TimeType = OrderTimeType.Gtc,
                Magic = 7001,
                ClientOrderId = "01JB2K8Q4M",
            },
            Ct);
        var sent = await ea.ReceiveAsync("req");
        AssertSameLine(golden, sent);

        await ea.SendAsync(answer.Text);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var data = answer.Message!["data"]!;
        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Equal((int)data["retcode"]!, result.Retcode);
        Assert.Equal((ulong)data["deal"]!, result.Deal);
        Assert.Equal((ulong)data["order"]!, result.Order);
        Assert.Equal((decimal)data["volume"]!, result.Volume);
        Assert.True(result.Sent);
        Assert.False(result.Duplicate);
        Assert.Equal((string?)golden.Message!["data"]!["request"]!["comment"], result.Tag);
    }

    private static void AssertSameLine(TranscriptLine expected, JsonObject actual)
    {
        var want = Normalise(expected.Message!);
        var got = Normalise(actual);
        Assert.True(JsonNode.DeepEquals(want, got), $"{expected}\n  expected {want.ToJsonString()}\n  actual   {got.ToJsonString()}");
    }

    // The clock and the human wording of an error are not part of the contract; the code is.
    private static JsonObject Normalise(JsonObject message)
    {
        var copy = message.DeepClone().AsObject();
        copy.Remove("ts");
        if (copy["error"] is JsonObject error)
        {
            error.Remove("message");
        }

        return copy;
    }

    private sealed class PendingRequest(Task<JsonElement> task, DateTimeOffset deadline)
    {
        public Task<JsonElement> Task { get; } = task;

        public DateTimeOffset Deadline { get; } = deadline;

        public bool Expired { get; set; }
    }

    /// <summary>One replay: the simulated EA's socket, the server's session, requests in flight and events expected.</summary>
    private sealed class Replay(BridgeTranscriptReplayTests test, string name)
    {
        private readonly Dictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
        private readonly List<JsonObject> _events = [];
        private FakeEa _ea = null!;
        private BridgeSession? _session;
        private BridgeSession? _previous;

        public async Task RunAsync(IReadOnlyList<TranscriptLine> lines)
        {
            _ea = await FakeEa.ConnectAsync(test._listener.LocalEndPoint);
            try
            {
                foreach (var line in lines)
                {
                    switch (line.Side)
                    {
                        case TranscriptSide.Directive:
                            await DirectAsync(line);
                            break;
                        case TranscriptSide.Ea:
                            await _ea.SendAsync(line.Text);
                            await AfterEaLineAsync(line);
                            break;
                        case TranscriptSide.Server:
                            if (line.Type == "req")
                            {
                                await IssueAsync(line);
                            }

                            var actual = await _ea.ReceiveAsync() ?? throw new InvalidOperationException($"{name} {line}: the server closed the link instead.");
                            AssertSameLine(line, actual);
                            break;
                    }
                }

                await CheckEventsAsync();
                var last = lines.Last(l => l.Side != TranscriptSide.Directive);
                if (last.Type == "bye")
                {
                    // After a bye, from either side, the server closes the socket and says nothing more.
                    Assert.Null(await _ea.ReceiveAsync());
                }
            }
            finally
            {
                await _ea.DisposeAsync();
            }
        }

        private async Task DirectAsync(TranscriptLine line)
        {
            var parts = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0])
            {
                case "advance":
                    test._time.Advance(TimeSpan.FromMilliseconds(int.Parse(parts[1], CultureInfo.InvariantCulture)));
                    await SettleExpiredAsync();
                    break;
                case "reconnect":
                    await CheckEventsAsync();
                    await _ea.DisposeAsync();
                    _previous = _session ?? _previous;
                    _session = null;
                    _pending.Clear();
                    _ea = await FakeEa.ConnectAsync(test._listener.LocalEndPoint);
                    break;
                default:
                    throw new InvalidDataException($"{name} {line}: unknown directive.");
            }
        }

        // Requests whose deadline passed on the fake clock end with TIMEOUT; wait until they have.
        private async Task SettleExpiredAsync()
        {
            foreach (var pending in _pending.Values.Where(p => !p.Expired && p.Deadline <= test._time.GetUtcNow()))
            {
                var failure = await Assert.ThrowsAsync<BridgeException>(() => pending.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
                Assert.Equal(BridgeErrorCodes.Timeout, failure.Code);
                Assert.True(failure.RequestSent);
                pending.Expired = true;
            }
        }

        private async Task<BridgeSession> SessionAsync() =>
            _session ??= await test._listener.Sessions.WaitForAsync(s_key, _previous, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        private async Task IssueAsync(TranscriptLine line)
        {
            var session = await SessionAsync();
            var message = line.Message!;
            var op = (string)message["op"]!;
            var data = JsonSerializer.Deserialize(message["data"]!.ToJsonString(), TranscriptJsonContext.Default.JsonElement);
            if (op == BridgeOps.Subscribe && message["data"]!["ticks"] is JsonArray ticks)
            {
                // What the gateway does when it subscribes: the account's tick set is restored in the next welcome.
                foreach (var symbol in ticks)
                {
                    test._listener.Sessions.AddTickSubscription(s_key, (string)symbol!);
                }
            }

            var deadline = TimeSpan.FromMilliseconds((int)message["deadline_ms"]!);
            var task = session.RequestAsync(op, data, TranscriptJsonContext.Default.JsonElement, deadline, Ct);
            _pending[(string)message["id"]!] = new PendingRequest(task, test._time.GetUtcNow() + deadline);
        }

        private async Task AfterEaLineAsync(TranscriptLine line)
        {
            var message = line.Message!;
            if (line.Type == "evt")
            {
                _events.Add(message);
                return;
            }

            if (line.Type != "res" || !_pending.Remove((string)message["re"]!, out var pending))
            {
                return;
            }

            if (pending.Expired)
            {
                // A late answer changes nothing: the caller already has TIMEOUT (uncertain) and the link stays up.
                Assert.True((await SessionAsync()).IsConnected);
                return;
            }

            if ((bool)message["ok"]!)
            {
                var data = await pending.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(data.GetRawText()), message["data"]), $"{name} {line}: the caller got {data.GetRawText()}");
                return;
            }

            var failure = await Assert.ThrowsAsync<BridgeException>(() => pending.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
            Assert.Equal((string?)message["error"]!["code"], failure.Code);
            Assert.Equal((int?)message["error"]!["mql_error"], failure.MqlError);
        }

        // Every event reaches the session's reader in order, with its seq, and ticks with UTC times.
        private async Task CheckEventsAsync()
        {
            if (_events.Count == 0)
            {
                return;
            }

            var session = await SessionAsync();
            foreach (var expected in _events)
            {
                var actual = await session.Events.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
                var data = expected["data"]!;
                Assert.Equal((long)expected["seq"]!, actual.Seq);
                switch (actual)
                {
                    case BridgeTickEvent tick:
                        Assert.Equal("tick", (string?)expected["op"]);
                        Assert.Equal((long)data["time_msc"]! - ServerTimeOffsetMs, tick.Tick.TimeMs);
                        Assert.Equal((double)data["bid"]!, tick.Tick.Bid);
                        Assert.Equal((double)data["ask"]!, tick.Tick.Ask);
                        break;
                    case BridgeTradeTransactionEvent tx:
                        Assert.Equal("trade_tx", (string?)expected["op"]);
                        Assert.Equal((string?)data["type"], tx.Transaction.TypeName);
                        Assert.Equal((ulong)data["order"]!, tx.Transaction.Order);
                        break;
                    case BridgeRawEvent raw:
                        Assert.Equal((string?)expected["op"], raw.Op);
                        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(raw.Data.GetRawText()), data));
                        break;
                    default:
                        Assert.Fail($"{name}: unexpected {actual} for event seq {expected["seq"]}");
                        break;
                }
            }

            _events.Clear();
        }
    }
}
