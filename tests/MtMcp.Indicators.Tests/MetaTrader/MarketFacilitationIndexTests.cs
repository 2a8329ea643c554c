using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class MarketFacilitationIndexTests
{
    [Fact]
    public void Compute_RealData_IsRangePerVolumeWithMetaTradersColours()
    {
        var data = Data;
        var result = Run("bw_mfi");
        var mfi = data.High.Zip(data.Low, (h, l) => h - l).Zip(data.Volume, (range, v) => range / v).ToArray();
        AssertSeries(mfi, result[0], "mfi", 1e-12);

        // Colours from the comparisons with the previous bar: 0 both up, 1 both down, 2 index up only, 3 volume up only.
        for (var i = 1; i < data.Length; i++)
        {
            if (mfi[i] == mfi[i - 1] || data.Volume[i] == data.Volume[i - 1])
            {
                continue; // Ties keep the previous direction; checked below.
            }

            var expected = (mfi[i] > mfi[i - 1], data.Volume[i] > data.Volume[i - 1]) switch
            {
                (true, true) => 0,
                (false, false) => 1,
                (true, false) => 2,
                _ => 3,
            };
            Assert.Equal(expected, result[1][i]);
        }
    }

    [Fact]
    public void Compute_Point_ScalesToMetaTradersPoints()
    {
        var raw = Run("bw_mfi")[0];
        var points = Run("bw_mfi", ("point", "0.00001"))[0];
        AssertSeries([.. raw.Select(v => v / 0.00001)], points, "mfi in points", 1e-12);
    }

    [Fact]
    public void Compute_ZeroVolumeAndTies_KeepPreviousValueAndDirection()
    {
        double[] high = [2, 3, 3, 4, 4];
        double[] low = [1, 1, 1, 1, 3];
        double[] volume = [1, 1, 0, 2, 2];
        var result = Run("bw_mfi", new IndicatorInputs { High = high, Low = low, Volume = volume });

        // mfi: 1, 2, 2 (no volume: previous), 1.5, 0.5.
        AssertSeries([1, 2, 2, 1.5, 0.5], result[0], "mfi", 1e-15);

        // bar 1: mfi up, volume equal (keeps the initial "up") → green; bar 2: mfi equal (up), volume down → fake;
        // bar 3: mfi down, volume up → squat; bar 4: mfi down, volume equal (up) → squat.
        Assert.Equal(new double[] { 0, 0, 2, 3, 3 }, result[1]);
    }
}
