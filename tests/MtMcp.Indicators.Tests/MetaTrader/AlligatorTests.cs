using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class AlligatorTests
{
    [Fact]
    public void Compute_Defaults_AreShiftedSmmasOfTheMedianPrice()
    {
        var median = Median(Data);
        var lines = Run("alligator");

        // Each line at bar t is the SMMA computed `shift` bars earlier; every line starts at bar 20 (12 + 8).
        AssertSeries(Shifted(Smma(median, 13), 8, 20), lines[0], "jaw");
        AssertSeries(Shifted(Smma(median, 8), 5, 20), lines[1], "teeth");
        AssertSeries(Shifted(Smma(median, 5), 3, 20), lines[2], "lips");
    }

    [Fact]
    public void Compute_NoShift_EqualsTheSmmaItself()
    {
        var median = Median(Data);
        var lines = Run("alligator", ("jaw_shift", "0"), ("teeth_shift", "0"), ("lips_shift", "0"));
        AssertSeries(Shifted(Smma(median, 13), 0, 12), lines[0], "jaw");
        AssertSeries(Shifted(Smma(median, 5), 0, 12), lines[2], "lips");
    }

    internal static double[] Shifted(double[] line, int shift, int from)
    {
        var result = Empty(line.Length);
        for (var t = from; t < line.Length; t++)
        {
            result[t] = line[t - shift];
        }

        return result;
    }
}
