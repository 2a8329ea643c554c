using System.Globalization;
using System.IO.Compression;
using MtMcp.Testing;

namespace MtMcp.Indicators.Tests;

/// <summary>
/// The two real datasets the TA-Lib golden files were computed on, read from ../shared/data exactly as
/// talib/generate.mjs reads them.
/// </summary>
internal sealed class GoldenData
{
    private static readonly Lazy<GoldenData> s_csv = new(ReadCsv);
    private static readonly Lazy<GoldenData> s_lean = new(() => ReadLean(3000));

    private GoldenData(string name, long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        Name = name;
        Time = time;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        Periods = [.. Enumerable.Range(0, close.Length).Select(i => 2.0 + (i * 7 % 29))];
    }

    public static IReadOnlyList<string> Names { get; } = ["eurusd_h1", "lean_eurusd_h1"];

    public string Name { get; }

    /// <summary>Bar open times, Unix seconds UTC.</summary>
    public long[] Time { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    /// <summary>The periods series of MAVP: 2 + (7·i mod 29).</summary>
    public double[] Periods { get; }

    public int Length => Close.Length;

    public static GoldenData Get(string name) => name switch
    {
        "eurusd_h1" => s_csv.Value,
        "lean_eurusd_h1" => s_lean.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Inputs as the generator passes them: close as the free series, open as the second one.</summary>
    public IndicatorInputs Inputs(IndicatorInfo info) => new()
    {
        Time = Time,
        Open = Open,
        High = High,
        Low = Low,
        Close = Close,
        Volume = Volume,
        Real0 = Close,
        Real1 = info.Name == "mavp" ? Periods : Open,
    };

    public StreamBar Bar(IndicatorInfo info, int i) =>
        new(Open[i], High[i], Low[i], Close[i], Volume[i], Close[i], info.Name == "mavp" ? Periods[i] : Open[i]) { Time = Time[i] };

    private static GoldenData ReadCsv()
    {
        var lines = File.ReadAllLines(SharedData.Path("EURUSD.csv")).Skip(1).ToList();
        var columns = Columns(lines.Count);
        var time = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var f = lines[i].Split(',');
            time[i] = DateTimeOffset.Parse(f[0] + "Z", CultureInfo.InvariantCulture).ToUnixTimeSeconds();
            for (var c = 0; c < 5; c++)
            {
                columns[c][i] = double.Parse(f[c + 1], CultureInfo.InvariantCulture);
            }
        }

        return new GoldenData("eurusd_h1", time, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    private static GoldenData ReadLean(int count)
    {
        using var zip = ZipFile.OpenRead(SharedData.Path("lean", "forex", "oanda", "hour", "eurusd.zip"));
        using var reader = new StreamReader(zip.Entries[0].Open());
        var lines = reader.ReadToEnd().Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines = lines.Skip(lines.Count - count).ToList();
        var columns = Columns(lines.Count);
        var time = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var f = lines[i].Split(',');
            time[i] = DateTimeOffset.ParseExact(f[0], "yyyyMMdd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();
            for (var c = 0; c < 4; c++)
            {
                columns[c][i] = double.Parse(f[c + 1], CultureInfo.InvariantCulture);
            }

            // LEAN forex bars have no volume; the generator uses the bar's range in points instead.
            columns[4][i] = Math.Round((columns[1][i] - columns[2][i]) * 1e5, MidpointRounding.AwayFromZero);
        }

        return new GoldenData("lean_eurusd_h1", time, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    private static double[][] Columns(int length) => [.. Enumerable.Range(0, 5).Select(_ => new double[length])];
}
