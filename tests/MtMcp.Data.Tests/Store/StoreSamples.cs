using System.Security.Cryptography;
using MtMcp.Data.Store;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Store;

/// <summary>Deterministic sample rows, a reference model of what the store should hold, and folder fingerprints.</summary>
internal static class StoreSamples
{
    /// <summary>2024-01-02 00:00:00 UTC.</summary>
    public const long BaseTime = 1_704_153_600;

    /// <summary>A bar whose every field derives from its time; another <paramref name="variant"/> changes the prices and volumes.</summary>
    public static Bar BarAt(long time, int variant = 0)
    {
        var open = 1.1 + ((time % 10_007) * 1e-5) + (variant * 0.01);
        return new Bar(time, open, open + 0.0007, open - 0.0005, open + 0.0002, (time % 97) + variant, (int)(time % 13), variant);
    }

    public static Bar[] Bars(long firstTime, int count, long step = 60, int variant = 0)
    {
        var bars = new Bar[count];
        for (var i = 0; i < count; i++)
        {
            bars[i] = BarAt(firstTime + (i * step), variant);
        }

        return bars;
    }

    public static Tick TickAt(long timeMs, int variant = 0)
    {
        var bid = 1.3 + ((timeMs % 9_973) * 1e-5) + (variant * 0.01);
        return new Tick(timeMs, bid, bid + 0.00012, variant == 0 ? 0 : bid, variant, (TickFlags)(2 + (4 * (int)(timeMs % 2))));
    }

    public static Tick[] Ticks(long firstTimeMs, int count, long stepMs = 250, int variant = 0)
    {
        var ticks = new Tick[count];
        for (var i = 0; i < count; i++)
        {
            ticks[i] = TickAt(firstTimeMs + (i * stepMs), variant);
        }

        return ticks;
    }

    /// <summary>
    /// Ticks in millisecond groups: group g at <c>firstTimeMs + g * stepMs</c> holds <c>groupSizes[g]</c> ticks, told
    /// apart by their bid (one point more per position in the group).
    /// </summary>
    public static Tick[] GroupedTicks(long firstTimeMs, int[] groupSizes, long stepMs = 5, int variant = 0)
    {
        var ticks = new List<Tick>();
        for (var g = 0; g < groupSizes.Length; g++)
        {
            var time = firstTimeMs + (g * stepMs);
            for (var position = 0; position < groupSizes[g]; position++)
            {
                var tick = TickAt(time, variant);
                ticks.Add(tick with { Bid = tick.Bid + (position * 1e-5) });
            }
        }

        return [.. ticks];
    }

    /// <summary>
    /// The tick store's contract as a sorted map of millisecond groups: each input group replaces the stored group of
    /// its millisecond. Returns the counts the write should report, position by position within each group.
    /// </summary>
    public static WriteResult ApplyGroups(SortedDictionary<long, Tick[]> model, Tick[] ticks)
    {
        int added = 0, replaced = 0, unchanged = 0, removed = 0;
        foreach (var group in ticks.GroupBy(t => t.TimeMs))
        {
            var input = group.ToArray();
            var stored = model.GetValueOrDefault(group.Key, []);
            for (var k = 0; k < Math.Min(input.Length, stored.Length); k++)
            {
                if (SameBits(input[k], stored[k]))
                {
                    unchanged++;
                }
                else
                {
                    replaced++;
                }
            }

            added += Math.Max(0, input.Length - stored.Length);
            removed += Math.Max(0, stored.Length - input.Length);
            model[group.Key] = input;
        }

        return new WriteResult(added, replaced, unchanged) { Removed = removed };
    }

    public static Tick[] Flatten(SortedDictionary<long, Tick[]> model) => [.. model.Values.SelectMany(g => g)];

    /// <summary>The store's contract as a sorted map: each write puts its rows, new over old.</summary>
    public static void Apply<T>(SortedDictionary<long, T> model, IEnumerable<T> rows, Func<T, long> time)
    {
        foreach (var row in rows)
        {
            model[time(row)] = row;
        }
    }

    public static void AssertSameBits(Bar expected, Bar actual)
    {
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Open), BitConverter.DoubleToInt64Bits(actual.Open));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.High), BitConverter.DoubleToInt64Bits(actual.High));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Low), BitConverter.DoubleToInt64Bits(actual.Low));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Close), BitConverter.DoubleToInt64Bits(actual.Close));
        Assert.Equal(expected.TickVolume, actual.TickVolume);
        Assert.Equal(expected.Spread, actual.Spread);
        Assert.Equal(expected.RealVolume, actual.RealVolume);
    }

    public static bool SameBits(Tick a, Tick b) =>
        a.TimeMs == b.TimeMs
        && BitConverter.DoubleToInt64Bits(a.Bid) == BitConverter.DoubleToInt64Bits(b.Bid)
        && BitConverter.DoubleToInt64Bits(a.Ask) == BitConverter.DoubleToInt64Bits(b.Ask)
        && BitConverter.DoubleToInt64Bits(a.Last) == BitConverter.DoubleToInt64Bits(b.Last)
        && BitConverter.DoubleToInt64Bits(a.Volume) == BitConverter.DoubleToInt64Bits(b.Volume)
        && a.Flags == b.Flags;

    public static void AssertSameBits(Tick expected, Tick actual)
    {
        Assert.Equal(expected.TimeMs, actual.TimeMs);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Bid), BitConverter.DoubleToInt64Bits(actual.Bid));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Ask), BitConverter.DoubleToInt64Bits(actual.Ask));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Last), BitConverter.DoubleToInt64Bits(actual.Last));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Volume), BitConverter.DoubleToInt64Bits(actual.Volume));
        Assert.Equal(expected.Flags, actual.Flags);
    }

    /// <summary>Checks every row through both the indexer and the column spans.</summary>
    public static void AssertContent(IReadOnlyCollection<Bar> expected, BarSeries series)
    {
        Assert.Equal(expected.Count, series.Count);
        var i = 0;
        foreach (var bar in expected)
        {
            AssertSameBits(bar, series[i]);
            var fromColumns = new Bar(
                series.Time[i], series.Open[i], series.High[i], series.Low[i], series.Close[i],
                series.TickVolume[i], series.Spread[i], series.RealVolume[i]);
            AssertSameBits(bar, fromColumns);
            i++;
        }
    }

    public static void AssertContent(IReadOnlyCollection<Tick> expected, TickSeries series)
    {
        Assert.Equal(expected.Count, series.Count);
        var i = 0;
        foreach (var tick in expected)
        {
            AssertSameBits(tick, series[i]);
            var fromColumns = new Tick(series.Time[i], series.Bid[i], series.Ask[i], series.Last[i], series.Volume[i], series.Flags[i]);
            AssertSameBits(tick, fromColumns);
            i++;
        }
    }

    /// <summary>Relative path → SHA-256 of every file under <paramref name="root"/>: any added, removed or changed byte shows.</summary>
    public static SortedDictionary<string, string> Fingerprint(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return result;
    }

    /// <summary>Generation folders (<c>g1</c>, <c>g2</c>, ...) of one series folder.</summary>
    public static string[] Generations(string seriesDirectory) =>
        [.. Directory.EnumerateDirectories(seriesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
