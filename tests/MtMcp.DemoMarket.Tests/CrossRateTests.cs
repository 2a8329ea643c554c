using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class CrossRateTests
{
    [Theory]
    [InlineData("EURGBP", "EURUSD", "GBPUSD", false)]
    [InlineData("EURJPY", "EURUSD", "USDJPY", true)]
    [InlineData("GBPJPY", "GBPUSD", "USDJPY", true)]
    [InlineData("AUDNZD", "AUDUSD", "NZDUSD", false)]
    public void GenerateM1_CrossClose_EqualsProductOfDollarPairsWithinRounding(string cross, string baseLeg, string quoteLeg, bool quoteIsUsdFirst)
    {
        var market = TestMarkets.Of(cross, baseLeg, quoteLeg);
        var from = TestMarkets.Monday;
        var to = from.AddDays(5);
        var crossSpec = SymbolCatalog.BuiltIn.Get(cross);
        var baseSpec = SymbolCatalog.BuiltIn.Get(baseLeg);
        var quoteSpec = SymbolCatalog.BuiltIn.Get(quoteLeg);
        var baseByTime = market.GenerateM1(baseLeg, from, to).ToDictionary(b => b.Time);
        var quoteByTime = market.GenerateM1(quoteLeg, from, to).ToDictionary(b => b.Time);

        var compared = 0;
        var worst = 0.0;
        foreach (var bar in market.GenerateM1(cross, from, to))
        {
            if (!baseByTime.TryGetValue(bar.Time, out var b) || !quoteByTime.TryGetValue(bar.Time, out var q))
            {
                continue;
            }

            var baseMid = TestMarkets.CloseMid(b, baseSpec);
            var quoteMid = TestMarkets.CloseMid(q, quoteSpec);
            var implied = quoteIsUsdFirst ? baseMid * quoteMid : baseMid / quoteMid;
            var points = Math.Abs(TestMarkets.CloseMid(bar, crossSpec) - implied) / crossSpec.Point;
            worst = Math.Max(worst, points);
            compared++;
        }

        // Each mid is within half a tick of the model's; the legs' rounding, scaled into the cross, adds up to ~2 points.
        Assert.True(compared > 5000, $"only {compared} common minutes");
        Assert.True(worst <= 2.5, $"{cross} differs from {baseLeg}·{quoteLeg} by up to {worst:F2} points");
    }

    [Fact]
    public void GenerateTicks_EurGbp_MatchesEurUsdOverGbpUsdAtNearlyTheSameTime()
    {
        var market = TestMarkets.Of("EURUSD", "GBPUSD", "EURGBP", "USDJPY", "EURJPY");
        var from = TestMarkets.Monday.AddDays(1).AddHours(12);
        var last = new Dictionary<string, Tick>();
        var gbpPoints = new List<double>();
        var jpyPoints = new List<double>();
        foreach (var (symbol, tick) in market.GenerateTicks(from, from.AddHours(2)))
        {
            last[symbol] = tick;
            if (symbol == "EURGBP" && Fresh(last, tick, "EURUSD", "GBPUSD"))
            {
                gbpPoints.Add(Math.Abs(TestMarkets.Mid(tick) - (TestMarkets.Mid(last["EURUSD"]) / TestMarkets.Mid(last["GBPUSD"]))) / 0.00001);
            }
            else if (symbol == "EURJPY" && Fresh(last, tick, "EURUSD", "USDJPY"))
            {
                jpyPoints.Add(Math.Abs(TestMarkets.Mid(tick) - (TestMarkets.Mid(last["EURUSD"]) * TestMarkets.Mid(last["USDJPY"]))) / 0.001);
            }
        }

        // Legs quoted up to 200 ms apart may have moved about a point; rounding adds up to two more.
        Assert.True(gbpPoints.Count > 200 && jpyPoints.Count > 200, $"{gbpPoints.Count} EURGBP and {jpyPoints.Count} EURJPY comparisons");
        Assert.True(gbpPoints.Max() <= 5, $"EURGBP off by up to {gbpPoints.Max():F2} points");
        Assert.True(jpyPoints.Max() <= 5, $"EURJPY off by up to {jpyPoints.Max():F2} points");
        Assert.True(gbpPoints.Average() <= 1.5, $"EURGBP off by {gbpPoints.Average():F2} points on average");
        Assert.True(jpyPoints.Average() <= 1.5, $"EURJPY off by {jpyPoints.Average():F2} points on average");
    }

    private static bool Fresh(Dictionary<string, Tick> last, Tick tick, string first, string second) =>
        last.TryGetValue(first, out var a) && last.TryGetValue(second, out var b)
        && tick.TimeMs - a.TimeMs <= 200 && tick.TimeMs - b.TimeMs <= 200;
}
