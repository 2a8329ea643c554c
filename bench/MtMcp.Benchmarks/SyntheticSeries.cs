using System.Globalization;
using System.Text;
using MtMcp.Domain;

namespace MtMcp.Benchmarks;

/// <summary>Deterministic inputs for the benchmarks: a random walk around 1.10 on a 0.00001 grid.</summary>
internal static class SyntheticSeries
{
    private const double Point = 0.00001;

    public static Bar[] M1Bars(int count)
    {
        var random = new Random(42);
        var bars = new Bar[count];
        var price = 110_000L;
        var time = new DateTimeOffset(2010, 1, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open + random.Next(-20, 21);
            var high = Math.Max(open, close) + random.Next(0, 10);
            var low = Math.Min(open, close) - random.Next(0, 10);
            bars[i] = new Bar(time, open * Point, high * Point, low * Point, close * Point, random.Next(1, 200), random.Next(5, 20), 0);
            price = close;
            time += 60;
        }

        return bars;
    }

    public static byte[] GenericCsv(int count)
    {
        var text = new StringBuilder(count * 64);
        text.Append("time,open,high,low,close,volume\n");
        foreach (var bar in M1Bars(count))
        {
            text.Append(bar.OpenTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Open.ToString("F5", CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.High.ToString("F5", CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Low.ToString("F5", CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Close.ToString("F5", CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.TickVolume.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Mt5BarsExport(int count)
    {
        var text = new StringBuilder(count * 64);
        text.Append("<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n");
        foreach (var bar in M1Bars(count))
        {
            text.Append(bar.OpenTime.UtcDateTime.ToString("yyyy.MM.dd\tHH:mm:ss", CultureInfo.InvariantCulture)).Append('\t')
                .Append(bar.Open.ToString("F5", CultureInfo.InvariantCulture)).Append('\t')
                .Append(bar.High.ToString("F5", CultureInfo.InvariantCulture)).Append('\t')
                .Append(bar.Low.ToString("F5", CultureInfo.InvariantCulture)).Append('\t')
                .Append(bar.Close.ToString("F5", CultureInfo.InvariantCulture)).Append('\t')
                .Append(bar.TickVolume.ToString(CultureInfo.InvariantCulture)).Append("\t0\t")
                .Append(bar.Spread.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Tick columns: on average one tick every 1.5 s, bid on the grid, spread 8–20 points.</summary>
    public static (long[] TimeMs, double[] Bid, double[] Ask, double[] Volume) TickColumns(int count)
    {
        var random = new Random(7);
        var time = new long[count];
        var bid = new double[count];
        var ask = new double[count];
        var volume = new double[count];
        var t = new DateTimeOffset(2014, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var price = 138_000L;
        for (var i = 0; i < count; i++)
        {
            t += random.Next(1, 3000);
            price += random.Next(-3, 4);
            time[i] = t;
            bid[i] = price * Point;
            ask[i] = (price + random.Next(8, 21)) * Point;
        }

        return (time, bid, ask, volume);
    }
}
