using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MtMcp.Gateways.Tests;

public sealed class BridgeSessionTests : IAsyncLifetime
{
    private static readonly BridgeAccountKey s_key = new("MT5", "Broker-Demo", 123456);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_718_000_000));
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

    private async Task<(FakeEa Ea, BridgeSession Session)> ConnectAsync()
    {
        var ea = await FakeEa.ConnectAsync(_listener.LocalEndPoint);
        await ea.SendAsync(FakeEa.Hello());
        var welcome = await ea.ReceiveAsync("welcome");
        Assert.Equal("e-1", (string?)welcome["re"]);
        var session = await _listener.Sessions.WaitForAsync(s_key, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        return (ea, session);
    }

    [Fact]
    public async Task Handshake_GoodToken_WelcomesWithTradingForDemo()
    {
        await using var ea = await FakeEa.ConnectAsync(_listener.LocalEndPoint);
        await ea.SendAsync(FakeEa.Hello());
        var welcome = await ea.ReceiveAsync("welcome");
        Assert.True((bool)welcome["data"]!["trading_enabled"]!);
        Assert.Equal(5000, (int)welcome["data"]!["heartbeat_ms"]!);
    }

    [Theory]
    [InlineData("wrong", 1, "UNAUTHORIZED")]
    [InlineData("secret", 2, "UNSUPPORTED_VERSION")]
    public async Task Handshake_BadHello_ErrorThenClose(string token, int proto, string code)
    {
        await using var ea = await FakeEa.ConnectAsync(_listener.LocalEndPoint);
        await ea.SendAsync(FakeEa.Hello(token, proto));
        var error = await ea.ReceiveAsync();
        Assert.Equal("error", (string?)error!["type"]);
        Assert.Equal(code, (string?)error["error"]!["code"]);
        Assert.Equal("bye", (string?)(await ea.ReceiveAsync())!["type"]);
        Assert.Null(await ea.ReceiveAsync());
    }

    [Fact]
    public async Task Handshake_MessageBeforeHello_ProtocolError()
    {
        await using var ea = await FakeEa.ConnectAsync(_listener.LocalEndPoint);
        await ea.SendAsync("""{"v":1,"type":"evt","op":"tick","seq":1,"data":{}}""");
        Assert.Equal("PROTOCOL_ERROR", (string?)(await ea.ReceiveAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task Request_PositionsList_TimesConvertedFromServerTime()
    {
        var (ea, session) = await ConnectAsync();
        await using var _ = ea;
        var pending = session.ListPositionsAsync(cancellationToken: Ct);
        var request = await ea.ReceiveAsync("req");
        Assert.Equal("positions.list", (string?)request["op"]);

        // Server time 2024-06-10 12:00:00 at GMT+2 is 10:00:00 UTC.
        await ea.RespondAsync(request, """{"positions":[{"ticket":5,"identifier":5,"symbol":"EURUSD","type":"POSITION_TYPE_SELL","volume":0.10,"price_open":1.08512,"sl":0,"tp":0,"swap":-1.25,"time_msc":1718020800000,"magic":7001,"comment":"mcp:X","reason":"POSITION_REASON_EXPERT"}]}""");
        var position = Assert.Single(await pending);
        Assert.Equal(PositionType.Sell, position.Type);
        Assert.Equal(0.10m, position.Volume);
        Assert.Equal(-1.25m, position.Swap);
        Assert.Equal(DateTimeOffset.Parse("2024-06-10T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), position.TimeMs);
    }

    [Fact]
    public async Task SendTrade_BrokerRejects_CarriesRetcodeAndRejected()
    {
        var (ea, session) = await ConnectAsync();
        await using var _ = ea;
        var pending = session.SendTradeAsync(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, ClientOrderId = "01JB2K8Q4M" }, Ct);
        var request = await ea.ReceiveAsync("req");
        var wire = request["data"]!["request"]!;
        Assert.Equal("TRADE_ACTION_DEAL", (string?)wire["action"]);
        Assert.Equal("ORDER_TYPE_BUY", (string?)wire["type"]);
        Assert.Equal(BridgeTags.ForClientOrder(s_key, "01JB2K8Q4M"), (string?)wire["comment"]);
        await ea.RespondAsync(request, """{"retcode":10019,"retcode_name":"TRADE_RETCODE_NO_MONEY","outcome":"rejected","comment":"No money","sent":true,"duplicate":false}""");
        var result = await pending;
        Assert.Equal(10019, result.Retcode);
        Assert.Equal(TradeOutcome.Rejected, result.Outcome);
        Assert.True(result.Sent);
    }

    [Fact]
    public async Task SendTrade_NoAnswerBeforeDeadline_Uncertain()
    {
        var (ea, session) = await ConnectAsync();
        await using var _ = ea;
        var pending = session.SendTradeAsync(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, ClientOrderId = "c1" }, Ct);
        var request = await ea.ReceiveAsync("req");
        _time.Advance(TimeSpan.FromSeconds(11));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(TradeOutcome.Uncertain, result.Outcome);
        Assert.Equal("TIMEOUT", result.ErrorCode);
        Assert.True(result.Sent);

        // A late answer is ignored and the link stays usable.
        await ea.RespondAsync(request, """{"retcode":10009}""");
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task Events_TickAndTradeTransaction_DeliveredInOrderWithGapMarked()
    {
        var (ea, session) = await ConnectAsync();
        await using var _ = ea;
        await ea.SendRawAsync(
            """{"v":1,"type":"evt","op":"tick","seq":1,"data":{"symbol":"EURUSD","time_msc":1718007200123,"bid":1.0851,"ask":1.08512,"last":0,"volume_real":0,"flags":6}}""" + "\n" +
            """{"v":1,"type":"evt","op":"trade_tx","seq":3,"data":{"type":"TRADE_TRANSACTION_DEAL_ADD","deal":9,"order":8,"symbol":"EURUSD","deal_type":"DEAL_TYPE_BUY","volume":0.1}}""" + "\n");
        var tick = Assert.IsType<BridgeTickEvent>(await session.Events.ReadAsync(Ct));
        Assert.Equal(1718007200123 - 7_200_000, tick.Tick.TimeMs);
        Assert.Equal(1.08512, tick.Tick.Ask);
        var gap = Assert.IsType<BridgeSequenceGapEvent>(await session.Events.ReadAsync(Ct));
        Assert.Equal(2, gap.Expected);
        var tx = Assert.IsType<BridgeTradeTransactionEvent>(await session.Events.ReadAsync(Ct));
        Assert.Equal(TradeTransactionType.DealAdd, tx.Transaction.Type);
        Assert.Equal(DealType.Buy, tx.Transaction.DealType);
    }

    [Fact]
    public async Task Hello_SameAccountAgain_ReplacesOldSession()
    {
        var (first, old) = await ConnectAsync();
        await using var _ = first;
        await using var second = await FakeEa.ConnectAsync(_listener.LocalEndPoint);
        await second.SendAsync(FakeEa.Hello());
        await second.ReceiveAsync("welcome");
        var current = await _listener.Sessions.WaitForAsync(s_key, except: old, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.NotSame(old, current);
        Assert.Equal("bye", (string?)(await first.ReceiveAsync("bye"))["type"]);
        await old.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(old.IsConnected);
    }

    [Fact]
    public async Task Connection_OversizedLine_LineTooLongAndClosed()
    {
        var (ea, session) = await ConnectAsync();
        await using var _ = ea;
        await ea.SendRawAsync(new string('x', (1 << 20) + 10));
        Assert.Equal("LINE_TOO_LONG", (string?)(await ea.ReceiveAsync("error"))["error"]!["code"]);
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
