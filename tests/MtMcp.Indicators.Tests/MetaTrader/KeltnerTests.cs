using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class KeltnerTests
{
    [Fact]
    public void Compute_Defaults_AreEma20PlusMinusTwoWilderAtr10()
    {
        var d = Data;
        var ema = Ema(d.Close, 20);
        var atr = Atr(d.High, d.Low, d.Close, 10);
        var result = Run("keltner");

        Assert.Equal(19, FirstValue(result[1]));
        AssertSeries([.. ema.Zip(atr, (m, a) => m + (2 * a))], result[0], "upper", 1e-12);
        AssertSeries(ema, result[1], "middle", 1e-12);
        AssertSeries([.. ema.Zip(atr, (m, a) => m - (2 * a))], result[2], "lower", 1e-12);
    }
}
