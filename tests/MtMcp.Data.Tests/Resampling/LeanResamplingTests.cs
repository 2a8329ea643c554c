using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Data.Tests.Import;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Resampling;

/// <summary>The resamplers against LEAN's own coarser files, built by LEAN from the same quotes.</summary>
public sealed class LeanResamplingTests(ITestOutputHelper output)
{
    [Fact]
    public void Resample_HourZipToD1_ReproducesEveryDayOfTheDailyZip()
    {
        var hours = DataImporter.Import(LeanFiles.Path("hour", "eurusd.zip"));
        var dailyRows = LeanFiles.Rows(LeanFiles.Path("daily", "eurusd.zip"));

        var days = BarResampler.Resample(hours.Bars, Timeframe.H1, Timeframe.D1);

        var byTime = days.ToDictionary(bar => bar.Time);
        foreach (var row in dailyRows)
        {
            var time = LeanFiles.StampSeconds(row[0]);
            Assert.True(byTime.TryGetValue(time, out var day), $"no resampled bar for {row[0]}");
            Assert.Equal(
                (LeanFiles.Ticks(row[1]), LeanFiles.Ticks(row[2]), LeanFiles.Ticks(row[3]), LeanFiles.Ticks(row[4])),
                (LeanFiles.Ticks(day.Open), LeanFiles.Ticks(day.High), LeanFiles.Ticks(day.Low), LeanFiles.Ticks(day.Close)));
        }

        Assert.Equal(dailyRows.Length, days.Length);
        output.WriteLine($"{dailyRows.Length} days compared, all equal");
        Assert.Equal(3738, dailyRows.Length);
    }

    [Fact]
    public void TicksToBars_EachTickDayToM1_ReproducesThatDaysMinuteZip()
    {
        var minutesCompared = 0;
        foreach (var day in LeanFiles.TickDays)
        {
            var ticks = DataImporter.Import(LeanFiles.Path("tick", "eurusd", $"{day}_quote.zip"));
            var minuteRows = LeanFiles.Rows(LeanFiles.Path("minute", "eurusd", $"{day}_quote.zip"));

            var bars = BarResampler.TicksToBars(ticks.Ticks, Timeframe.M1, 1e-5);

            Assert.Equal(minuteRows.Length, bars.Length);
            for (var i = 0; i < bars.Length; i++)
            {
                var row = minuteRows[i];
                Assert.Equal(LeanFiles.DaySeconds(day, row[0]), bars[i].Time);
                Assert.Equal(
                    (LeanFiles.Ticks(row[1]), LeanFiles.Ticks(row[2]), LeanFiles.Ticks(row[3]), LeanFiles.Ticks(row[4])),
                    (LeanFiles.Ticks(bars[i].Open), LeanFiles.Ticks(bars[i].High), LeanFiles.Ticks(bars[i].Low), LeanFiles.Ticks(bars[i].Close)));
            }

            minutesCompared += bars.Length;
        }

        output.WriteLine($"{LeanFiles.TickDays.Length} days, {minutesCompared} minutes compared, all equal");
        Assert.Equal(15_366, minutesCompared);
    }
}
