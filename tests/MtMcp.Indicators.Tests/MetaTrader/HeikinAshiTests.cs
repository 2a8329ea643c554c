using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class HeikinAshiTests
{
    [Fact]
    public void Compute_RealData_FollowsTheRecurrenceFromTheFirstBar()
    {
        var d = Data;
        var result = Run("heikin_ashi");
        var (open, close) = (d.Open[0], d.Close[0]);
        Assert.Equal([d.Open[0], d.High[0], d.Low[0], d.Close[0]], result.Select(o => o[0]));
        for (var i = 1; i < d.Length; i++)
        {
            var haOpen = (open + close) / 2;
            var haClose = (d.Open[i] + d.High[i] + d.Low[i] + d.Close[i]) / 4;
            Assert.Equal(haOpen, result[0][i], 12);
            Assert.Equal(new[] { d.High[i], haOpen, haClose }.Max(), result[1][i], 12);
            Assert.Equal(new[] { d.Low[i], haOpen, haClose }.Min(), result[2][i], 12);
            Assert.Equal(haClose, result[3][i], 12);
            (open, close) = (haOpen, haClose);
        }
    }
}
