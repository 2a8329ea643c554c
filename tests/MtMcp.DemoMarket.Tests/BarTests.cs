using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class BarTests
{
    [Theory]
    [InlineData("EURUSD")]
    [InlineData("USDJPY")]
    [InlineData("GER40")]
    [InlineData("JP225")]
    [InlineData("BTCUSD")]
    public void GenerateM1_Year_BarsConsistentOrderedOnMinutesAndOnTheGrid(string name)
    {
        var spec = SymbolCatalog.BuiltIn.Get(name);
        var bars = TestMarkets.Of(name).GenerateM1(name, TestMarkets.Start, TestMarkets.Start.AddDays(365));
        Assert.True(bars.Length > 200_000, $"{bars.Length} bars");
        for (var i = 0; i < bars.Length; i++)
        {
            var bar = bars[i];
            Assert.True(bar.IsConsistent && bar.Low <= bar.Open && bar.Low <= bar.Close && bar.Open <= bar.High && bar.Close <= bar.High, $"{name} {bar}");
            Assert.Equal(0, bar.Time % 60);
            Assert.True(i == 0 || bar.Time > bars[i - 1].Time, $"{name} bar {i} at {bar.OpenTime:O} not after the one before");
            Assert.True(bar.TickVolume > 0 && bar.Spread > 0, $"{name} {bar}");
            Assert.Equal(spec.NormalizePrice(bar.High), bar.High);
            Assert.Equal(spec.NormalizePrice(bar.Low), bar.Low);
        }
    }

    [Fact]
    public void GenerateM1_BusyMinutes_HaveRangesAndMoreTicksThanQuietOnes()
    {
        var bars = TestMarkets.Of("EURUSD").GenerateM1("EURUSD", TestMarkets.Monday, TestMarkets.Monday.AddDays(5));
        var busy = bars.Where(b => b.OpenTime.Hour is >= 13 and < 16).ToList();
        var quiet = bars.Where(b => b.OpenTime.Hour is >= 1 and < 5).ToList();
        Assert.True(busy.Average(b => b.TickVolume) > 5 * quiet.Average(b => b.TickVolume));
        Assert.True(busy.Average(b => b.High - b.Low) > 1.5 * quiet.Average(b => b.High - b.Low));

        // A busy EURUSD minute ranges over a pip or two, as real M1 bars do.
        Assert.InRange(busy.Average(b => b.High - b.Low) / 0.0001, 0.5, 4);
    }

    [Fact]
    public void GenerateM1_AgainstTicksOfTheSameMinutes_AgreeOnTimesVolumesSpreadsAndPrices()
    {
        var market = TestMarkets.Of("EURUSD", "GBPUSD");
        var from = TestMarkets.Monday.AddDays(1).AddHours(6);
        var to = from.AddHours(3);
        var bars = market.GenerateM1("GBPUSD", from, to).ToDictionary(b => b.Time);
        var ticksByMinute = market.GenerateTicks(from, to).Where(t => t.Symbol == "GBPUSD").GroupBy(t => t.Tick.TimeMs / 60_000 * 60).ToList();
        Assert.True(ticksByMinute.Count > 150, $"{ticksByMinute.Count} minutes with ticks");
        var spec = SymbolCatalog.BuiltIn.Get("GBPUSD");
        var point = spec.Point;
        var openDistance = new List<double>();
        var closeDistance = new List<double>();
        var ranges = new List<double>();
        foreach (var minute in ticksByMinute)
        {
            Assert.True(bars.TryGetValue(minute.Key, out var bar), $"no bar for a minute with ticks at {minute.Key}");
            var ticks = minute.Select(t => t.Tick).ToList();

            // Repeated quotes are not emitted, so a bar counts at least as many arrivals as there are ticks.
            Assert.True(ticks.Count <= bar.TickVolume, $"{ticks.Count} ticks, volume {bar.TickVolume}");
            Assert.True(ticks.Min(t => Math.Round((t.Ask - t.Bid) / point)) >= bar.Spread, $"tick spreads below the bar's {bar.Spread}");

            openDistance.Add(Math.Abs(TestMarkets.Mid(ticks[0]) - (bar.Open + (bar.Spread * point / 2))));
            closeDistance.Add(Math.Abs(TestMarkets.Mid(ticks[^1]) - TestMarkets.CloseMid(bar, spec)));
            ranges.Add(bar.High - bar.Low);
        }

        // Bars and ticks share the walk at the minute boundaries: the first and last ticks sit near open and
        // close (seconds of drift away), much closer than the minute's range; unrelated paths would be pips apart.
        Assert.True(openDistance.Average() < 0.5 * ranges.Average(), $"first tick {openDistance.Average() / point:F1} points from open, range {ranges.Average() / point:F1}");
        Assert.True(closeDistance.Average() < 0.5 * ranges.Average(), $"last tick {closeDistance.Average() / point:F1} points from close, range {ranges.Average() / point:F1}");
    }

    [Theory]
    [InlineData("EURUSD", 2025, 6, 18, 14, 23)]
    [InlineData("BTCUSD", 2025, 8, 2, 9, 41)]
    public void GenerateTicks_AfterHistory_ContinueFromTheLastCloseWithoutJump(string name, int year, int month, int day, int hour, int minute)
    {
        var spec = SymbolCatalog.BuiltIn.Get(name);
        var market = TestMarkets.Of(name);
        var now = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
        var history = market.GenerateM1(name, now.AddDays(-7), now);
        var firstLive = market.GenerateTicks(now, now.AddHours(1)).First();

        // The live stream picks up the walk where the history ends: a minute's noise, not a restart
        // (a fresh walk from the start price would be off by hundreds of points after half a year).
        var lastClose = TestMarkets.CloseMid(history[^1], spec);
        var typicalMinute = history.TakeLast(60).Average(b => b.High - b.Low);
        Assert.True(history[^1].Time == now.ToUnixTimeSeconds() - 60, $"last bar at {history[^1].OpenTime:O}");
        Assert.True(Math.Abs(TestMarkets.Mid(firstLive.Tick) - lastClose) < 3 * typicalMinute + (spec.Spread * spec.Point),
            $"first live mid {TestMarkets.Mid(firstLive.Tick)} vs last close mid {lastClose}, typical minute range {typicalMinute}");
    }
}
