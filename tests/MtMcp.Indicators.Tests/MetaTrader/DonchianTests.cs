using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class DonchianTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(1)]
    [InlineData(55)]
    public void Compute_RealData_IsHighestHighAndLowestLowOfTheWindow(int period)
    {
        var d = Data;
        var result = Run("donchian", ("period", period.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var upper = Empty(d.Length);
        var lower = Empty(d.Length);
        for (var i = period - 1; i < d.Length; i++)
        {
            upper[i] = d.High.Skip(i - period + 1).Take(period).Max();
            lower[i] = d.Low.Skip(i - period + 1).Take(period).Min();
        }

        AssertSeries(upper, result[0], "upper", 0);
        AssertSeries([.. upper.Zip(lower, (u, l) => (u + l) / 2)], result[1], "middle", 0);
        AssertSeries(lower, result[2], "lower", 0);
    }
}
