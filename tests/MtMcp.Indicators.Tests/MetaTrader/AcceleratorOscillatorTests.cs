using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class AcceleratorOscillatorTests
{
    [Fact]
    public void Compute_Defaults_IsAoMinusItsFiveBarMean()
    {
        var median = Median(Data);
        var ao = Sma(median, 5).Zip(Sma(median, 34), (fast, slow) => fast - slow).ToArray();
        var signal = Sma(ao, 5, from: 33);
        var ac = Run("ac")[0];

        // MetaTrader draws AC from bar 37 (its DATA_LIMIT): 33 bars for AO, 4 more for its SMA.
        Assert.Equal(37, FirstValue(ac));
        AssertSeries([.. ao.Zip(signal, (a, s) => a - s)], ac, "ac", 1e-8);
    }
}
