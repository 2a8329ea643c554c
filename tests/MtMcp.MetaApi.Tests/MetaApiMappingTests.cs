using System.Text.RegularExpressions;

namespace MtMcp.MetaApi.Tests;

public sealed class MetaApiMappingTests
{
    [Theory]
    [InlineData(10009, "TRADE_RETCODE_DONE", TradeRetcode.Done)]
    [InlineData(10008, "TRADE_RETCODE_PLACED", TradeRetcode.Placed)]
    [InlineData(10019, "TRADE_RETCODE_NO_MONEY", TradeRetcode.NoMoney)]
    [InlineData(10025, "TRADE_RETCODE_NO_CHANGES", TradeRetcode.NoChanges)]
    [InlineData(0, "ERR_NO_ERROR", TradeRetcode.Done)]
    [InlineData(4753, "ERR_TRADE_POSITION_NOT_FOUND", TradeRetcode.PositionClosed)]
    [InlineData(4754, "ERR_TRADE_ORDER_NOT_FOUND", TradeRetcode.InvalidOrder)]
    [InlineData(-6, "ERR_NO_QUOTES", TradeRetcode.PriceOff)]
    [InlineData(-8, "ERR_INVESTOR", TradeRetcode.TradeDisabled)]
    [InlineData(99999, "TRADE_RETCODE_REQUOTE", TradeRetcode.Requote)]
    public void ToRetcode_DocumentedCode_MapsToMt5Retcode(int numeric, string name, TradeRetcode expected) =>
        Assert.Equal(expected, MetaApiMapping.ToRetcode(numeric, name));

    [Theory]
    [InlineData(-7, "ERR_TRADE_TIMED_OUT")]
    [InlineData(-1, "TRADE_RETCODE_UNKNOWN")]
    [InlineData(10012, "TRADE_RETCODE_TIMEOUT")]
    [InlineData(10031, "TRADE_RETCODE_CONNECTION")]
    [InlineData(12345, "SOMETHING_NEW")]
    public void ToRetcode_OutcomeUnknown_ReturnsNullSoTheTradeIsReconciled(int numeric, string name) =>
        Assert.Null(MetaApiMapping.ToRetcode(numeric, name));

    [Fact]
    public void ClientIdFor_SameInput_IsStableShortAndInMetaApiFormat()
    {
        var id = MetaApiClientIds.For("acc-1", "a very long client order id that MetaApi could never store as it is");

        Assert.Equal(id, MetaApiClientIds.For("acc-1", "a very long client order id that MetaApi could never store as it is"));
        Assert.NotEqual(id, MetaApiClientIds.For("acc-2", "a very long client order id that MetaApi could never store as it is"));
        Assert.NotEqual(id, MetaApiClientIds.For("acc-1", "another id"));
        Assert.Matches(new Regex("^MM_[0-9A-Za-z]{6}_[0-9A-Za-z]{6}$"), id);
        Assert.Equal(10, MetaApiClientIds.FitComment("0123456789abcdef")!.Length);
        Assert.Null(MetaApiClientIds.FitComment(""));
    }

    [Fact]
    public void Iso_UnixMs_FormatsUtcWithMilliseconds() =>
        Assert.Equal("2020-04-20T04:00:00.123Z", MetaApiMapping.Iso(1587355200123));

    [Fact]
    public void ToTrade_OrderTypeNotFittingAction_Throws()
    {
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 0.1m };

        var error = Assert.Throws<ArgumentException>(() => MetaApiMapping.ToTrade(request, "MM_a_b", null));

        Assert.Contains("ORDER_TYPE_BUY_LIMIT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToTrade_PendingWithExpiry_SendsSpecifiedExpiration()
    {
        var request = new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.SellStopLimit, Volume = 0.1m, Price = 1.1, StopLimit = 1.101,
            TimeType = OrderTimeType.Specified, ExpirationMs = 1587355200000,
        };

        var trade = MetaApiMapping.ToTrade(request, "MM_a_b", null);

        Assert.Equal("ORDER_TYPE_SELL_STOP_LIMIT", trade.ActionType);
        Assert.Equal(1.101, trade.StopLimitPrice);
        Assert.Equal("ORDER_TIME_SPECIFIED", trade.Expiration!.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1587355200000), trade.Expiration.Time);
    }
}
