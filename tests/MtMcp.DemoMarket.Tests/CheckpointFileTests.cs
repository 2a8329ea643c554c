using MtMcp.DemoMarket.Model;
using MtMcp.Testing;

namespace MtMcp.DemoMarket.Tests;

public sealed class CheckpointFileTests
{
    private static readonly string[] s_symbols = ["EURUSD", "GBPUSD", "EURGBP", "XAUUSD", "US500"];

    // Weeks after the start, inside the London session of a weekday.
    private static readonly DateTimeOffset s_early = TestMarkets.Monday.AddDays(21).AddHours(9);
    private static readonly DateTimeOffset s_late = TestMarkets.Monday.AddDays(63).AddHours(9);

    [Fact]
    public void GenerateTicks_SecondMarketOnSameDirectory_ResumesFromFileWithIdenticalTicks()
    {
        using var directory = new TempDirectory();
        var expected = Ticks(TestMarkets.Of(s_symbols), s_early);
        Assert.Equal(expected, Ticks(new DemoMarket(TestMarkets.Options(s_symbols), directory.Path), s_early));
        var file = Path.Combine(directory.Path, WalkCheckpoints.FileName);
        var written = File.GetLastWriteTimeUtc(file);

        var resumed = Ticks(new DemoMarket(TestMarkets.Options(s_symbols), directory.Path), s_early);

        Assert.Equal(expected, resumed);
        // Every week needed was in the file, so the second market walked nothing and rewrote nothing.
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void GenerateM1_FileCoversOnlyPartOfTheWay_ContinuesTheWalkIdentically()
    {
        using var directory = new TempDirectory();
        _ = Ticks(new DemoMarket(TestMarkets.Options(s_symbols), directory.Path), s_early);
        var file = Path.Combine(directory.Path, WalkCheckpoints.FileName);
        var shortLength = new FileInfo(file).Length;

        var resumed = new DemoMarket(TestMarkets.Options(s_symbols), directory.Path);
        var expected = TestMarkets.Of(s_symbols);

        foreach (var symbol in s_symbols)
        {
            Assert.Equal(expected.GenerateM1(symbol, s_late, s_late.AddHours(4)), resumed.GenerateM1(symbol, s_late, s_late.AddHours(4)));
        }

        Assert.Equal(Ticks(expected, s_late), Ticks(resumed, s_late));
        Assert.True(new FileInfo(file).Length > shortLength, "the file was not extended to the later weeks");
    }

    [Fact]
    public void GenerateTicks_DamagedFile_IgnoredAndRewritten()
    {
        using var directory = new TempDirectory();
        _ = Ticks(new DemoMarket(TestMarkets.Options(s_symbols), directory.Path), s_early);
        var file = Path.Combine(directory.Path, WalkCheckpoints.FileName);
        var intact = File.ReadAllBytes(file);
        var damaged = (byte[])intact.Clone();
        damaged[damaged.Length / 2] ^= 0x10;
        File.WriteAllBytes(file, damaged);

        var ticks = Ticks(new DemoMarket(TestMarkets.Options(s_symbols), directory.Path), s_early);

        Assert.Equal(Ticks(TestMarkets.Of(s_symbols), s_early), ticks);
        Assert.Equal(intact, File.ReadAllBytes(file));
    }

    [Fact]
    public void GenerateTicks_FileOfAnotherSeed_NotUsed()
    {
        using var directory = new TempDirectory();
        _ = Ticks(new DemoMarket(TestMarkets.Options(s_symbols), directory.Path), s_early);
        var otherOptions = TestMarkets.Options(s_symbols) with { Seed = 12345 };

        var ticks = Ticks(new DemoMarket(otherOptions, directory.Path), s_early);

        Assert.Equal(Ticks(new DemoMarket(otherOptions), s_early), ticks);
        Assert.NotEqual(Ticks(TestMarkets.Of(s_symbols), s_early), ticks);
    }

    [Fact]
    public void GenerateTicks_DirectoryCannotBeCreated_StillGenerates()
    {
        using var directory = new TempDirectory();
        // A file where the directory should be: saving fails, generation does not.
        var blocked = Path.Combine(directory.Path, "blocked");
        File.WriteAllText(blocked, "not a directory");

        var ticks = Ticks(new DemoMarket(TestMarkets.Options(s_symbols), blocked), s_early);

        Assert.Equal(Ticks(TestMarkets.Of(s_symbols), s_early), ticks);
    }

    private static List<SymbolTick> Ticks(DemoMarket market, DateTimeOffset from)
    {
        var ticks = market.GenerateTicks(from, from.AddMinutes(20)).ToList();
        Assert.True(ticks.Count > 1000, $"only {ticks.Count} ticks");
        return ticks;
    }
}
