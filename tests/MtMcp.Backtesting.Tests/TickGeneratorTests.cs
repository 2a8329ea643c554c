using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Testing;

namespace MtMcp.Backtesting.Tests;

/// <summary>
/// MT5 "every tick" generation inside one bar: hand-worked paths of the documented scheme, and the invariants on every
/// M1 bar built from the real LEAN EURUSD ticks of 2014-05-01 .. 05-02.
/// </summary>
public sealed class TickGeneratorTests
{
    private const long Minute = 60_000;
    private static readonly long s_t0 = TestData.Day(2014, 5, 1);

    private static readonly Lazy<Bar[]> s_realBars = new(() =>
    {
        var ticks = new[] { "20140501", "20140502" }.SelectMany(d =>
            DataImporter.Import(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", $"{d}_quote.zip"), new ImportOptions { Symbol = "EURUSD" }).Ticks);
        return BarResampler.TicksToBars([.. ticks], Timeframe.M1, 0.00001);
    });

    private static (long TimeMs, double Bid)[] Generate(Bar bar, bool previousBullish = false)
    {
        var generator = new TickGenerator(bar, Minute, 5, previousBullish);
        var ticks = new List<(long, double)>();
        while (generator.MoveNext())
        {
            ticks.Add((generator.TimeMs, generator.Bid));
        }

        return [.. ticks];
    }

    private static Bar Bullish(long volume) => new(s_t0, 1.10020, 1.10100, 1.10000, 1.10080, volume, 10, 0);

    [Fact]
    public void MoveNext_VolumeOne_OneTickAtTheClose()
    {
        Assert.Equal([(s_t0 * 1000, 1.10080)], Generate(Bullish(1)));
    }

    [Fact]
    public void MoveNext_VolumeTwo_OpenThenClose()
    {
        Assert.Equal([(s_t0 * 1000, 1.10020), ((s_t0 * 1000) + 30_000, 1.10080)], Generate(Bullish(2)));
    }

    [Fact]
    public void MoveNext_VolumeThree_VisitsTheExtremeWithTheLongerShadow()
    {
        // Upper shadow 1.10100 − 1.10080 = 2 pips, lower 1.10020 − 1.10000 = 2 pips: a tie goes to the low (bullish order).
        Assert.Equal([1.10020, 1.10000, 1.10080], Generate(Bullish(3)).Select(t => t.Bid));
        var longUpper = Bullish(3) with { High = 1.10150 };
        Assert.Equal([1.10020, 1.10150, 1.10080], Generate(longUpper).Select(t => t.Bid));
    }

    [Fact]
    public void MoveNext_VolumeFour_IsTheOhlcPath()
    {
        Assert.Equal([1.10020, 1.10000, 1.10100, 1.10080], Generate(Bullish(4)).Select(t => t.Bid));
        var bearish = new Bar(s_t0, 1.10080, 1.10100, 1.10000, 1.10020, 4, 10, 0);
        Assert.Equal([1.10080, 1.10100, 1.10000, 1.10020], Generate(bearish).Select(t => t.Bid));
    }

    [Fact]
    public void MoveNext_VolumeTwelve_IsTheIdeal353Path()
    {
        // By hand, in points from 1.10000: open 20; open shadow to the low (−20): 3/4 → 5, 1/2 → 10, then 0; range to
        // the high (+100): 2/5 → 40, 1/5 → 20, 4/5 → 80, 3/5 → 60, then 100; close shadow to the close (−20): 3/4 → 85,
        // 1/2 → 90, then 80. One tick every 5 s.
        var ticks = Generate(Bullish(12));
        Assert.Equal(
            [1.10020, 1.10005, 1.10010, 1.10000, 1.10040, 1.10020, 1.10080, 1.10060, 1.10100, 1.10085, 1.10090, 1.10080],
            ticks.Select(t => t.Bid));
        Assert.Equal(Enumerable.Range(0, 12).Select(j => (s_t0 * 1000) + (j * 5000L)), ticks.Select(t => t.TimeMs));
    }

    [Fact]
    public void MoveNext_MoreTicksThanReferencePoints_FillsTheLegsInProportionToTheirLength()
    {
        // The 11 legs of the 3-5-3 path are 15, 5, 10, 40, 20, 60, 20, 40, 15, 5, 10 points (240 in all). Two fill ticks:
        // the first once the running length reaches 120 (leg 6, 20 → 80: its middle, 50), the second at the end (leg 11,
        // 90 → 80: 85).
        Assert.Equal(
            [1.10020, 1.10005, 1.10010, 1.10000, 1.10040, 1.10020, 1.10050, 1.10080, 1.10060, 1.10100, 1.10085, 1.10090, 1.10085, 1.10080],
            Generate(Bullish(14)).Select(t => t.Bid));
    }

    [Fact]
    public void MoveNext_Doji_GoesTheOppositeWayOfTheBarBefore()
    {
        var doji = new Bar(s_t0, 1.10050, 1.10100, 1.10000, 1.10050, 4, 10, 0);
        Assert.Equal([1.10050, 1.10100, 1.10000, 1.10050], Generate(doji, previousBullish: true).Select(t => t.Bid));
        Assert.Equal([1.10050, 1.10000, 1.10100, 1.10050], Generate(doji, previousBullish: false).Select(t => t.Bid));
        Assert.False(new TickGenerator(doji, Minute, 5, previousBullish: true).Bullish);
    }

    [Fact]
    public void MoveNext_UnknownVolume_GivesThe353PathAlone()
    {
        Assert.Equal(Generate(Bullish(12)), Generate(Bullish(0)));
    }

    [Fact]
    public void MoveNext_EveryRealM1Bar_KeepsTheInvariants()
    {
        var bullish = false;
        var checkedBars = 0;
        foreach (var bar in s_realBars.Value)
        {
            var ticks = Generate(bar, bullish);
            bullish = new TickGenerator(bar, Minute, 5, bullish).Bullish;
            var where = $"bar {bar.OpenTime:O} {bar}";
            Assert.True(ticks.Length == bar.TickVolume, where);
            Assert.Equal(bar.Close, ticks[^1].Bid);
            if (bar.TickVolume >= 2)
            {
                Assert.Equal(bar.Open, ticks[0].Bid);
            }

            if (bar.TickVolume >= 4)
            {
                Assert.True(ticks.Min(t => t.Bid) == bar.Low && ticks.Max(t => t.Bid) == bar.High, where);
                checkedBars++;
            }

            for (var j = 0; j < ticks.Length; j++)
            {
                var (time, bid) = ticks[j];
                Assert.True(bid >= bar.Low && bid <= bar.High && bid == Math.Round(bid, 5), where);
                Assert.True(time >= bar.Time * 1000 && time < (bar.Time * 1000) + Minute && (j == 0 || time >= ticks[j - 1].TimeMs), where);
            }
        }

        Assert.True(checkedBars > 1000, $"{checkedBars} bars with 4 ticks or more");
    }
}
