namespace MtMcp.Domain.Tests;

public sealed class TradeRetcodesTests
{
    [Theory]
    [InlineData(10009, TradeOutcome.Filled)]
    [InlineData(10008, TradeOutcome.Placed)]
    [InlineData(10010, TradeOutcome.Partial)]
    [InlineData(10025, TradeOutcome.NoChange)]
    [InlineData(10014, TradeOutcome.Rejected)]
    [InlineData(10019, TradeOutcome.Rejected)]
    [InlineData(10046, TradeOutcome.Rejected)]
    [InlineData(10004, TradeOutcome.Retryable)]
    [InlineData(10024, TradeOutcome.Retryable)]
    [InlineData(10011, TradeOutcome.Uncertain)]
    [InlineData(10012, TradeOutcome.Uncertain)]
    [InlineData(10031, TradeOutcome.Uncertain)]
    [InlineData(10005, TradeOutcome.Uncertain)] // does not exist: unknown codes are uncertain
    [InlineData(10037, TradeOutcome.Uncertain)]
    public void Classify_MapsEachCodeToItsOutcomeClass(int code, TradeOutcome expected) =>
        Assert.Equal(expected, TradeRetcodes.Classify(code));

    [Fact]
    public void Classify_DoneForAPendingOrder_IsPlaced() =>
        Assert.Equal(TradeOutcome.Placed, TradeRetcodes.Classify(10009, TradeAction.Pending));

    [Fact]
    public void All_HasTheFortyOneDocumentedCodes_WithoutTheMissingOnes()
    {
        var codes = TradeRetcodes.All.Select(c => (int)c).ToList();
        Assert.Equal(41, codes.Count);
        Assert.DoesNotContain(10005, codes);
        Assert.DoesNotContain(10037, codes);
        Assert.Equal(10004, codes[0]);
        Assert.Equal(10046, codes[^1]);
    }

    [Theory]
    [InlineData(10019, "TRADE_RETCODE_NO_MONEY")]
    [InlineData(10026, "TRADE_RETCODE_SERVER_DISABLES_AT")]
    [InlineData(10010, "TRADE_RETCODE_DONE_PARTIAL")]
    [InlineData(10046, "TRADE_RETCODE_HEDGE_PROHIBITED")]
    public void MqlName_IsTheMql5Constant(int code, string name) => Assert.Equal(name, TradeRetcodes.MqlName(code));

    [Fact]
    public void AccountTradeMode_DemoIsZeroContestOneRealTwo()
    {
        Assert.Equal(0, (int)AccountTradeMode.Demo);
        Assert.Equal(1, (int)AccountTradeMode.Contest);
        Assert.Equal(2, (int)AccountTradeMode.Real);
    }
}
