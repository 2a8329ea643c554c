using MtMcp.Data.Resampling;
using MtMcp.Data.Tests.Import;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Resampling;

public sealed class BarResampleTests
{
    [Fact]
    public void Resample_M1ToM5_MergesByMt5Rules()
    {
        var t = ImportFiles.UnixSeconds("2024-01-02 10:03");
        Bar[] minutes =
        [
            new(t, 1.0, 1.5, 0.9, 1.2, 10, 5, 100),
            new(t + 60, 1.2, 1.3, 0.8, 1.1, 20, 3, 200),
            new(t + 120, 1.1, 1.2, 1.0, 1.15, 5, 4, 0),
            new(t + 600, 2.0, 2.0, 2.0, 2.0, 1, 9, 1),
        ];

        var bars = BarResampler.Resample(minutes, Timeframe.M1, Timeframe.M5);

        Assert.Equal(
            [
                new Bar(ImportFiles.UnixSeconds("2024-01-02 10:00"), 1.0, 1.5, 0.8, 1.1, 30, 3, 300),
                new Bar(ImportFiles.UnixSeconds("2024-01-02 10:05"), 1.1, 1.2, 1.0, 1.15, 5, 4, 0),
                new Bar(ImportFiles.UnixSeconds("2024-01-02 10:10"), 2.0, 2.0, 2.0, 2.0, 1, 9, 1),
            ],
            bars);
    }

    [Fact]
    public void Resample_D1ToMN1_GroupsByCalendarMonth()
    {
        Bar[] days =
        [
            new(ImportFiles.UnixSeconds("2024-01-31"), 1, 2, 1, 2, 1, 1, 0),
            new(ImportFiles.UnixSeconds("2024-02-01"), 2, 3, 2, 3, 1, 1, 0),
            new(ImportFiles.UnixSeconds("2024-02-29"), 3, 4, 1, 4, 1, 1, 0),
        ];

        var months = BarResampler.Resample(days, Timeframe.D1, Timeframe.MN1);

        Assert.Equal([ImportFiles.UnixSeconds("2024-01-01"), ImportFiles.UnixSeconds("2024-02-01")], months.Select(bar => bar.Time));
        Assert.Equal(new Bar(ImportFiles.UnixSeconds("2024-02-01"), 2, 4, 1, 4, 2, 1, 0), months[1]);
    }

    [Theory]
    [InlineData(Timeframe.H4, Timeframe.H1, "shorter")]
    [InlineData(Timeframe.H8, Timeframe.H12, "straddle")]
    [InlineData(Timeframe.W1, Timeframe.MN1, "straddle")]
    [InlineData(Timeframe.M20, Timeframe.M30, "straddle")]
    public void Resample_IncompatibleTimeframes_ThrowAClearArgumentException(Timeframe source, Timeframe target, string word)
    {
        var error = Assert.Throws<ArgumentException>(() => BarResampler.Resample([], source, target));

        Assert.Contains($"Cannot resample {source} bars to {target}", error.Message, StringComparison.Ordinal);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
        Assert.False(BarResampler.CanResample(source, target));
    }

    [Theory]
    [InlineData(Timeframe.M1, Timeframe.MN1)]
    [InlineData(Timeframe.M20, Timeframe.H1)]
    [InlineData(Timeframe.H8, Timeframe.D1)]
    [InlineData(Timeframe.D1, Timeframe.W1)]
    [InlineData(Timeframe.H1, Timeframe.H1)]
    [InlineData(Timeframe.H12, Timeframe.MN1)]
    public void CanResample_TilingTimeframes_IsTrue(Timeframe source, Timeframe target) => Assert.True(BarResampler.CanResample(source, target));

    [Fact]
    public void Resample_UnorderedSource_Throws()
    {
        Bar[] bars = [new(120, 1, 1, 1, 1, 0, 0, 0), new(60, 1, 1, 1, 1, 0, 0, 0)];

        Assert.Throws<ArgumentException>(() => BarResampler.Resample(bars, Timeframe.M1, Timeframe.M5));
    }

    [Fact]
    public void Resample_TicksToM1ThenM15_EqualsTicksToM15()
    {
        var ticks = MtMcp.Data.Import.DataImporter.Import(LeanFiles.Path("tick", "eurusd", "20140513_quote.zip")).Ticks;

        var direct = BarResampler.TicksToBars(ticks, Timeframe.M15, 1e-5);
        var viaMinutes = BarResampler.Resample(BarResampler.TicksToBars(ticks, Timeframe.M1, 1e-5), Timeframe.M1, Timeframe.M15);

        Assert.Equal(direct, viaMinutes);
    }
}
