using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Data.Tests.Import;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Resampling;

public sealed class BarBuilderTests
{
    [Theory]
    [InlineData(Timeframe.M1)]
    [InlineData(Timeframe.M5)]
    [InlineData(Timeframe.H1)]
    [InlineData(Timeframe.D1)]
    public void Add_RealTicks_GivesTheBatchBarsExactly(Timeframe timeframe)
    {
        var ticks = DataImporter.Import(LeanFiles.Path("tick", "eurusd", "20140508_quote.zip")).Ticks;
        var builder = new BarBuilder(timeframe, 1e-5);
        var streamed = new List<Bar>();

        foreach (var tick in ticks)
        {
            if (builder.Add(tick, out var completed))
            {
                streamed.Add(completed);
            }
        }

        Assert.True(builder.TryComplete(out var last));
        streamed.Add(last);
        Assert.Equal(BarResampler.TicksToBars(ticks, timeframe, 1e-5), streamed);
    }

    [Fact]
    public void Current_UpdatesTheFormingBarInPlace()
    {
        var t = ImportFiles.UnixMs("2024-01-02 10:00:05");
        var builder = new BarBuilder(Timeframe.M1, 1e-5);

        Assert.False(builder.Add(t, 1.1, 1.10002, 0, out _));
        Assert.False(builder.Add(t + 1000, 1.2, 1.20001, 0, out _));

        Assert.Equal(new Bar((t / 1000) - 5, 1.1, 1.2, 1.1, 1.2, 2, 1, 0), builder.Current);
    }

    [Fact]
    public void TryCompleteAt_ClosesTheBarWhenItsPeriodHasEnded()
    {
        var t = ImportFiles.UnixMs("2024-01-02 10:00:05");
        var builder = new BarBuilder(Timeframe.M1, 1e-5);
        builder.Add(t, 1.1, 1.2, 0, out _);

        Assert.False(builder.TryCompleteAt(t + 54_999, out _));
        Assert.True(builder.TryCompleteAt(t + 55_000, out var bar));

        Assert.Equal((t / 1000) - 5, bar.Time);
        Assert.False(builder.HasBar);
        Assert.Throws<InvalidOperationException>(() => builder.Current);
    }

    [Fact]
    public void Add_TickInsideACompletedBar_Throws()
    {
        var t = ImportFiles.UnixMs("2024-01-02 10:00:05");
        var builder = new BarBuilder(Timeframe.M1, 1e-5);
        builder.Add(t, 1.1, 1.2, 0, out _);
        Assert.True(builder.TryComplete(out _));
        Assert.False(builder.TryComplete(out _));

        var error = Assert.Throws<ArgumentException>(() => builder.Add(t + 1000, 1.1, 1.2, 0, out _));

        Assert.Contains("already completed", error.Message, StringComparison.Ordinal);
        Assert.False(builder.Add(t + 55_000, 1.1, 1.2, 0, out _)); // the next minute opens normally
    }

    [Fact]
    public void Add_TickGoingBack_Throws()
    {
        var builder = new BarBuilder(Timeframe.M1, 1e-5);
        builder.Add(1000, 1, 1, 0, out _);

        Assert.Throws<ArgumentException>(() => builder.Add(999, 1, 1, 0, out _));
    }
}
