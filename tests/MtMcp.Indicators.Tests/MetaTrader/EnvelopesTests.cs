using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class EnvelopesTests
{
    [Fact]
    public void Compute_Defaults_AreSma14PlusMinusPointOnePercent()
    {
        var sma = Sma(Data.Close, 14);
        var result = Run("envelopes");
        AssertSeries([.. sma.Select(m => m * 1.001)], result[0], "upper", 1e-12);
        AssertSeries(sma, result[1], "middle", 1e-12);
        AssertSeries([.. sma.Select(m => m * 0.999)], result[2], "lower", 1e-12);
    }

    [Fact]
    public void Compute_Shift_ReportsTheAverageComputedShiftBarsEarlier()
    {
        var sma = Sma(Data.Close, 10);
        var result = Run("envelopes", ("period", "10"), ("ma_shift", "4"), ("deviation", "2"));
        var expected = Empty(sma.Length);
        for (var t = 13; t < sma.Length; t++)
        {
            expected[t] = sma[t - 4] * 1.02;
        }

        AssertSeries(expected, result[0], "upper", 1e-12);
    }
}
