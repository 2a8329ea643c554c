using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class AwesomeOscillatorTests
{
    [Fact]
    public void Compute_Defaults_IsSma5MinusSma34OfTheMedianPrice()
    {
        var median = Median(Data);
        var expected = Sma(median, 5).Zip(Sma(median, 34), (fast, slow) => fast - slow).ToArray();
        var ao = Run("ao")[0];

        Assert.Equal(33, FirstValue(ao));
        AssertSeries(expected, ao, "ao", 1e-9);
    }
}
