using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class SpreadTests
{
    [Theory]
    [InlineData("EURUSD")]
    [InlineData("USDJPY")]
    [InlineData("XAUUSD")]
    public void GenerateTicks_Rollover_WiderThanLondonMidday(string name)
    {
        var market = TestMarkets.Of(name);
        var spec = SymbolCatalog.BuiltIn.Get(name);
        var rollover = new List<double>();
        var midday = new List<double>();
        for (var day = 1; day <= 3; day++)
        {
            var date = TestMarkets.Monday.AddDays(day);
            rollover.AddRange(Spreads(market, date.AddHours(22).AddMinutes(-5), date.AddHours(22).AddMinutes(5), spec));
            midday.AddRange(Spreads(market, date.AddHours(12).AddMinutes(-5), date.AddHours(12).AddMinutes(5), spec));
        }

        Assert.True(rollover.Count > 20 && midday.Count > 500, $"{rollover.Count} rollover and {midday.Count} midday ticks");
        Assert.True(rollover.Average() > 2.5 * midday.Average(), $"rollover {rollover.Average():F1} vs midday {midday.Average():F1} points");
    }

    [Fact]
    public void GenerateTicks_London_AverageSpreadNearTheTypicalSpread()
    {
        var spec = SymbolCatalog.BuiltIn.Get("EURUSD");
        var day = TestMarkets.Monday.AddDays(2);
        var spreads = Spreads(TestMarkets.Of("EURUSD"), day.AddHours(8), day.AddHours(17), spec).ToList();
        Assert.InRange(spreads.Average(), 0.7 * spec.Spread, 1.5 * spec.Spread);
    }

    [Fact]
    public void GenerateM1_AfterTheLargestMoves_SpreadsWiden()
    {
        // The year's largest one-minute moves are the news-like jumps; the minute after one should quote a
        // clearly wider spread than the same hours usually do (rollover hours excluded).
        var spec = SymbolCatalog.BuiltIn.Get("EURUSD");
        var bars = TestMarkets.Of("EURUSD").GenerateM1("EURUSD", TestMarkets.Start, TestMarkets.Start.AddDays(365));
        bool AwayFromRollover(Bar bar) => bar.OpenTime.Hour is >= 1 and < 21;
        var after = Enumerable.Range(0, bars.Length - 1)
            .Where(i => AwayFromRollover(bars[i]) && bars[i + 1].Time == bars[i].Time + 60)
            .OrderByDescending(i => Math.Abs(bars[i].Close - bars[i].Open))
            .Take(20)
            .Select(i => (double)bars[i + 1].Spread)
            .ToList();
        var usual = bars.Where(AwayFromRollover).Average(b => b.Spread);
        Assert.True(after.Average() > 1.5 * usual, $"after the largest moves {after.Average():F1} points, usually {usual:F1} (typical {spec.Spread})");
    }

    [Fact]
    public void GenerateTicks_AllBuiltInSymbols_AskAboveBidOnTheTickGrid()
    {
        var market = new DemoMarket(new DemoMarketOptions());
        var from = TestMarkets.Monday.AddDays(1).AddHours(21).AddMinutes(30);
        var count = 0;
        foreach (var (symbol, tick) in market.GenerateTicks(from, from.AddHours(1)))
        {
            var spec = SymbolCatalog.BuiltIn.Get(symbol);
            Assert.True(tick.Ask > tick.Bid, $"{symbol} {tick}");
            Assert.Equal(spec.NormalizePrice(tick.Bid), tick.Bid);
            Assert.Equal(spec.NormalizePrice(tick.Ask), tick.Ask);
            Assert.True(tick.Flags != TickFlags.None && (tick.Flags & ~(TickFlags.Bid | TickFlags.Ask)) == TickFlags.None, $"{symbol} {tick}");
            count++;
        }

        Assert.True(count > 10_000, $"{count} ticks");
    }

    [Fact]
    public void GenerateTicks_Flags_TellWhichSideChanged()
    {
        var previous = new Dictionary<string, Tick>();
        foreach (var (symbol, tick) in TestMarkets.Of("EURUSD", "GBPUSD").GenerateTicks(TestMarkets.Monday.AddHours(10), TestMarkets.Monday.AddHours(11)))
        {
            if (previous.TryGetValue(symbol, out var last) && tick.TimeMs - last.TimeMs < 60_000)
            {
                Assert.Equal(tick.Bid != last.Bid, tick.Flags.HasFlag(TickFlags.Bid));
                Assert.Equal(tick.Ask != last.Ask, tick.Flags.HasFlag(TickFlags.Ask));
            }

            previous[symbol] = tick;
        }

        Assert.Equal(2, previous.Count);
    }

    private static IEnumerable<double> Spreads(DemoMarket market, DateTimeOffset from, DateTimeOffset to, SymbolSpec spec) =>
        market.GenerateTicks(from, to).Select(t => Math.Round((t.Tick.Ask - t.Tick.Bid) / spec.Point));
}
