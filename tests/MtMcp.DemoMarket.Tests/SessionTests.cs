using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class SessionTests
{
    [Fact]
    public void GenerateTicks_Saturday_CryptoOnlyNoForex()
    {
        var market = TestMarkets.Of("EURUSD", "XAUUSD", "US500", "BTCUSD");
        var saturday = TestMarkets.Monday.AddDays(5);
        var symbols = market.GenerateTicks(saturday, saturday.AddDays(1)).Select(t => t.Symbol).ToHashSet();
        Assert.Equal(["BTCUSD"], symbols);
    }

    [Fact]
    public void GenerateTicks_FullWeek_EveryTickInsideItsQuoteSession()
    {
        var names = new[] { "EURUSD", "XAUUSD", "US500", "GER40", "XTIUSD", "BTCUSD" };
        var market = TestMarkets.Of(names);
        var counts = names.ToDictionary(n => n, _ => 0);
        foreach (var (symbol, tick) in market.GenerateTicks(TestMarkets.Monday.AddDays(-1), TestMarkets.Monday.AddDays(6)))
        {
            Assert.True(SymbolCatalog.BuiltIn.Get(symbol).IsQuoted(tick.Time), $"{symbol} quoted at {tick.Time:O}");
            counts[symbol]++;
        }

        Assert.All(counts, pair => Assert.True(pair.Value > 10_000, $"{pair.Key}: {pair.Value} ticks"));
    }

    [Fact]
    public void GenerateM1_Year_NoBarOutsideTheQuoteSessions()
    {
        foreach (var name in new[] { "EURUSD", "GER40", "XTIUSD" })
        {
            var spec = SymbolCatalog.BuiltIn.Get(name);
            var bars = TestMarkets.Of(name).GenerateM1(name, TestMarkets.Start, TestMarkets.Start.AddDays(365));
            Assert.All(bars, bar => Assert.True(spec.IsQuoted(bar.OpenTime), $"{name} bar at {bar.OpenTime:O}"));
            Assert.DoesNotContain(bars, bar => bar.OpenTime.DayOfWeek == DayOfWeek.Saturday);
        }
    }

    [Fact]
    public void GenerateM1_Crypto_HasSaturdayBars()
    {
        var saturday = TestMarkets.Monday.AddDays(5);
        var bars = TestMarkets.Of("BTCUSD").GenerateM1("BTCUSD", saturday, saturday.AddDays(1));
        Assert.True(bars.Length > 1400, $"{bars.Length} Saturday bars");
    }

    [Fact]
    public void GenerateM1_Weekends_ReopenWithGaps()
    {
        var spec = SymbolCatalog.BuiltIn.Get("EURUSD");
        var bars = TestMarkets.Of("EURUSD").GenerateM1("EURUSD", TestMarkets.Start, TestMarkets.Start.AddDays(365));
        var weekendGaps = new List<double>();
        var minuteGaps = new List<double>();
        for (var i = 1; i < bars.Length; i++)
        {
            // Compare mids so a change of spread is not mistaken for a gap.
            var gap = Math.Abs((bars[i].Open + (bars[i].Spread * spec.Point / 2)) - TestMarkets.CloseMid(bars[i - 1], spec)) / spec.Point;
            if (bars[i].Time - bars[i - 1].Time > 24 * 3600)
            {
                weekendGaps.Add(gap);
            }
            else if (bars[i].Time - bars[i - 1].Time == 60)
            {
                minuteGaps.Add(gap);
            }
        }

        // 52 weekends; the walk drifts over the closed hours, so nearly every reopen gaps, by more than a minute's noise.
        Assert.InRange(weekendGaps.Count, 51, 53);
        Assert.True(weekendGaps.Count(g => g >= 1) >= 0.8 * weekendGaps.Count, $"gaps: {string.Join(", ", weekendGaps)}");
        Assert.True(weekendGaps.Average() > 5 * minuteGaps.Average(), $"weekend {weekendGaps.Average():F1} vs minute {minuteGaps.Average():F2} points");
    }
}
