using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class GatorTests
{
    [Fact]
    public void Compute_Defaults_AreDistancesBetweenTheDrawnAlligatorLines()
    {
        var median = Median(Data);
        var jaw = AlligatorTests.Shifted(Smma(median, 13), 8, 20);
        var teeth = AlligatorTests.Shifted(Smma(median, 8), 5, 20);
        var lips = AlligatorTests.Shifted(Smma(median, 5), 3, 20);
        var gator = Run("gator");

        AssertSeries([.. jaw.Zip(teeth, (j, t) => Math.Abs(j - t))], gator[0], "upper");
        AssertSeries([.. teeth.Zip(lips, (t, l) => -Math.Abs(t - l))], gator[1], "lower");
        Assert.All(gator[0].Skip(20), v => Assert.True(v >= 0));
        Assert.All(gator[1].Skip(20), v => Assert.True(v <= 0));
    }
}
