using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class SmmaTests
{
    [Fact]
    public void Compute_HandExample_SeedsWithSmaThenSmooths()
    {
        double[] prices = [1, 2, 3, 4, 5];
        var smma = Run("smma", new IndicatorInputs { Real0 = prices }, ("period", "3"))[0];

        // Seed (1 + 2 + 3) / 3 = 2; then (2·2 + 4) / 3 = 8/3; then (8/3·2 + 5) / 3 = 31/9.
        AssertSeries([double.NaN, double.NaN, 2, 8.0 / 3, 31.0 / 9], smma, "smma", 1e-15);
    }

    [Fact]
    public void Compute_RealData_EqualsRecursionFromDefinition()
    {
        var data = Data;
        AssertSeries(Smma(data.Close, 13), Run("smma")[0], "smma");
    }
}
