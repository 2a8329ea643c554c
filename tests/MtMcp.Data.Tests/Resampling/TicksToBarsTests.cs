using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Data.Tests.Import;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Resampling;

public sealed class TicksToBarsTests
{
    private static readonly long s_t0 = ImportFiles.UnixMs("2024-01-02 10:00:00");

    // Hand-built: two M1 bars; spreads 2, 1.4 (→1), 3 points; volumes 1.5 + 2 + 0.
    private static readonly Tick[] s_ticks =
    [
        new(s_t0 + 100, 1.00010, 1.00012, 0, 1.5, TickFlags.Bid),
        new(s_t0 + 30_000, 1.00020, 1.000214, 0, 2, TickFlags.Bid),
        new(s_t0 + 59_999, 0.99990, 0.99993, 0, 0, TickFlags.Bid),
        new(s_t0 + 60_000, 1.00000, 1.00005, 0, 0, TickFlags.Bid),
        new(s_t0 + 60_000, 1.00001, 1.00004, 0, 0, TickFlags.Bid),
    ];

    [Fact]
    public void TicksToBars_HandExample_FollowsMt5Rules()
    {
        var bars = BarResampler.TicksToBars(s_ticks, Timeframe.M1, 1e-5);

        Assert.Equal(
            [
                new Bar(s_t0 / 1000, 1.00010, 1.00020, 0.99990, 0.99990, 3, 1, 4),
                new Bar((s_t0 / 1000) + 60, 1.00000, 1.00001, 1.00000, 1.00001, 2, 3, 0),
            ],
            bars);
    }

    [Fact]
    public void TicksToBars_Columns_EqualTheTickOverload()
    {
        var destination = new Bar[s_ticks.Length];

        var count = BarResampler.TicksToBars(
            s_ticks.Select(t => t.TimeMs).ToArray(), s_ticks.Select(t => t.Bid).ToArray(), s_ticks.Select(t => t.Ask).ToArray(),
            s_ticks.Select(t => t.Volume).ToArray(), Timeframe.M1, 1e-5, destination);

        Assert.Equal(BarResampler.TicksToBars(s_ticks, Timeframe.M1, 1e-5), destination[..count]);
    }

    [Theory]
    [InlineData(Timeframe.W1, "2014-05-04")] // MT5 weeks open on Sunday
    [InlineData(Timeframe.MN1, "2014-05-01")]
    [InlineData(Timeframe.H4, "2014-05-08 12:00")]
    public void TicksToBars_CalendarTimeframes_KeyBarsByOpenTime(Timeframe timeframe, string open)
    {
        var t = ImportFiles.UnixMs("2014-05-08 13:47:12.345");
        Tick[] ticks = [new(t, 1.1, 1.2, 0, 0, TickFlags.Bid), new(t + 1, 1.3, 1.4, 0, 0, TickFlags.Bid)];

        var bars = BarResampler.TicksToBars(ticks, timeframe, 1e-5);

        Assert.Equal(ImportFiles.UnixSeconds(open), Assert.Single(bars).Time);
    }

    [Fact]
    public void TicksToBars_CrossedQuote_CountsAsZeroSpread()
    {
        Tick[] ticks = [new(s_t0, 1.1, 1.09, 0, 0, TickFlags.Bid)];

        Assert.Equal(0, BarResampler.TicksToBars(ticks, Timeframe.M1, 1e-5)[0].Spread);
    }

    [Fact]
    public void TicksToBars_TickGoingBack_Throws()
    {
        Tick[] ticks = [new(s_t0 + 5, 1, 1, 0, 0, TickFlags.Bid), new(s_t0 + 4, 1, 1, 0, 0, TickFlags.Bid)];

        var error = Assert.Throws<ArgumentException>(() => BarResampler.TicksToBars(ticks, Timeframe.M1, 1e-5));

        Assert.Contains("time order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TicksToBars_DestinationTooSmall_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => BarResampler.TicksToBars(s_ticks, Timeframe.M1, 1e-5, new Bar[1]));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void TicksToBars_ColumnsOfDifferentLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => BarResampler.TicksToBars(new long[2], new double[2], new double[1], new double[2], Timeframe.M1, 1e-5, new Bar[2]));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    public void TicksToBars_InvalidPoint_Throws(double point) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BarResampler.TicksToBars(s_ticks, Timeframe.M1, point));

    [Fact]
    public void TicksToBars_RealTicksToM1_AllocateNothing()
    {
        var ticks = DataImporter.Import(LeanFiles.Path("tick", "eurusd", "20140508_quote.zip")).Ticks;
        var destination = new Bar[ticks.Length];

        // The runtime may allocate once while it recompiles the loop (tiered JIT); a run after that must not.
        var fewest = long.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            BarResampler.TicksToBars(ticks, Timeframe.M1, 1e-5, destination);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }
}
