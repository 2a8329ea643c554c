using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Testing;

namespace MtMcp.Backtesting.Tests;

/// <summary>Native (MT5-semantics) backtests of sma_cross on the real LEAN EURUSD ticks of 2014-05-01 .. 05-07.</summary>
public sealed class NativeBacktestTests
{
    private static readonly Lazy<Tick[]> s_ticks = new(() =>
    {
        var days = new[] { "20140501", "20140502", "20140505", "20140506", "20140507" };
        return [.. days.SelectMany(d => DataImporter.Import(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", $"{d}_quote.zip"), new ImportOptions { Symbol = "EURUSD" }).Ticks)];
    });

    private static readonly StrategyParameters s_parameters = new StrategyParameters().Set("fast", 10).Set("slow", 30);
    private static readonly NativeOptions s_options = new() { Leverage = 100 };

    private static NativeResult RealTicks() => NativeBacktest.RunTicks(s_ticks.Value, Timeframe.M1, new SmaCross(), s_parameters, s_options);

    private static NativeResult FromBars(NativeModel model) =>
        NativeBacktest.RunBars(BarResampler.TicksToBars(s_ticks.Value, Timeframe.M1, 0.00001), Timeframe.M1, model, new SmaCross(), s_parameters, s_options);

    [Fact]
    public void RunTicks_SmaCross_IsDeterministicAndTheLedgerAddsUp()
    {
        var first = RealTicks();
        var second = RealTicks();
        Assert.Equal(first.Deals, second.Deals);
        Assert.Equal(first.FinalBalance, second.FinalBalance);
        Assert.True(first.Report.TotalTrades > 20, $"{first.Report.TotalTrades} trades, {first.Bars} bars, {first.Deals.Count} deals, {string.Join(" / ", first.Rejections.Take(3).Select(r => r.Message))}");
        Assert.Empty(first.Rejections);
        Assert.Equal(first.InitialDeposit + first.Deals.Skip(1).Sum(d => d.Profit + d.Commission + d.Swap), first.FinalBalance);
        Assert.Equal(first.FinalBalance - first.InitialDeposit, first.Report.TotalNetProfit);
    }

    [Fact]
    public void RunTicks_Fills_AreAtTheBidOrAskOfTheTick()
    {
        var ticks = s_ticks.Value;
        var result = RealTicks();
        foreach (var deal in result.Deals.Where(d => d.Type is DealType.Buy or DealType.Sell))
        {
            // Buys at the ask, sells at the bid, of a tick at the deal's time (several ticks may share a millisecond).
            var candidates = ticks.Where(t => t.TimeMs == deal.TimeMs);
            Assert.Contains(candidates, t => deal.Price == (deal.Type == DealType.Buy ? t.Ask : t.Bid));
        }
    }

    [Fact]
    public void Models_OnTheSameTicks_DifferAndEachIsDeterministic()
    {
        var real = RealTicks();
        var ohlc = FromBars(NativeModel.M1Ohlc);
        var open = FromBars(NativeModel.OpenPrices);
        Assert.Equal(ohlc.Deals, FromBars(NativeModel.M1Ohlc).Deals);
        Assert.Equal(open.Deals, FromBars(NativeModel.OpenPrices).Deals);
        // Same bars, so the same signals: one trade per cross in every model...
        Assert.Equal(open.Report.TotalTrades, ohlc.Report.TotalTrades);
        // ...but other prices: real ticks carry the real spread, the bar models the bar's smallest one.
        Assert.NotEqual(real.FinalBalance, open.FinalBalance);
        Assert.Equal(4 * open.Ticks, ohlc.Ticks);
        Assert.True(real.Ticks > ohlc.Ticks);
    }

    [Theory]
    [InlineData(10, 0)] // below the ≈ 13.9 USD margin of 0.01 lot of EURUSD at 1:100: nothing to size, nothing sent
    [InlineData(20, 1)] // above it: one minimum lot
    public void RunBars_AllInWithADepositNearTheMinimumMargin_TradesOnlyWhenTheMinimumLotIsAffordable(decimal deposit, int trades)
    {
        var bars = BarResampler.TicksToBars(s_ticks.Value, Timeframe.M1, 0.00001);

        var result = NativeBacktest.RunBars(bars, Timeframe.M1, NativeModel.M1Ohlc, new BuyOnceAllIn(), null, s_options with { Deposit = deposit });

        var entries = result.Deals.Where(d => d is { Type: DealType.Buy, Entry: DealEntry.In }).ToList();
        Assert.Equal(trades, entries.Count);
        Assert.All(entries, d => Assert.Equal(0.01m, d.Volume));
        Assert.Empty(result.Rejections); // sizing by the margin finds 0 lots rather than sending a refused order
    }

    /// <summary>Buys with 99 % of the free margin on every bar while flat, and holds.</summary>
    private sealed class BuyOnceAllIn : IStrategy
    {
        public void Init(IStrategyContext context)
        {
        }

        public void OnBar(IStrategyContext context)
        {
            if (context.Position.IsFlat)
            {
                context.Buy(0.99);
            }
        }
    }
}
