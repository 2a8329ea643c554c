using System.Globalization;
using System.IO.Compression;
using MtMcp.Testing;

namespace MtMcp.DemoMarket.Tests;

public sealed class VolatilityTests
{
    [Theory]
    [InlineData("EURUSD", 0.07)]
    [InlineData("GBPUSD", 0.08)]
    [InlineData("USDJPY", 0.09)]
    [InlineData("XAUUSD", 0.15)]
    [InlineData("US500", 0.18)]
    [InlineData("NAS100", 0.22)]
    [InlineData("XTIUSD", 0.35)]
    [InlineData("BTCUSD", 0.60)]
    public void GenerateM1_Year_DailyRealisedVolatilityNearTarget(string name, double target)
    {
        var closes = DailyCloses(TestMarkets.Of(name), name);
        var realised = Math.Sqrt(LogReturns(closes).Sum(r => r * r) / Years(closes));
        Assert.InRange(realised, target * 0.7, target * 1.3);
    }

    [Theory]
    [InlineData("EURUSD", "USDCHF", -1.0, -0.6)]
    [InlineData("AUDUSD", "NZDUSD", 0.7, 1.0)]
    [InlineData("EURUSD", "GBPUSD", 0.4, 0.9)]
    [InlineData("XAUUSD", "XAGUSD", 0.6, 1.0)]
    [InlineData("US500", "NAS100", 0.75, 1.0)]
    [InlineData("EURUSD", "US500", -0.3, 0.3)]
    public void GenerateM1_Year_DailyCorrelationRealistic(string first, string second, double low, double high)
    {
        var market = TestMarkets.Of(first, second);
        var a = DailyCloses(market, first);
        var b = DailyCloses(market, second);
        var common = a.Keys.Intersect(b.Keys).Order().ToArray();
        var ra = LogReturns(common.Select(d => a[d]).ToArray());
        var rb = LogReturns(common.Select(d => b[d]).ToArray());
        Assert.InRange(Correlation(ra, rb), low, high);
    }

    [Fact]
    public void GenerateM1_Eurusd_IntradayActivityShapedLikeRealEurusd()
    {
        // Real EURUSD hourly bars (Oanda via LEAN, UTC, 2007-2018): mean |log return| of the London/New York
        // overlap hours against the Asian night hours; the synthetic ratio must be within a factor 1.5 of it.
        var real = new List<(DateTime Time, double Close)>();
        using (var zip = ZipFile.OpenRead(SharedData.Path("lean", "forex", "oanda", "hour", "eurusd.zip")))
        using (var reader = new StreamReader(zip.Entries[0].Open()))
        {
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                var time = DateTime.ParseExact(fields[0], "yyyyMMdd HH:mm", CultureInfo.InvariantCulture);
                real.Add((time, double.Parse(fields[4], CultureInfo.InvariantCulture)));
            }
        }

        var bars = TestMarkets.Of("EURUSD").GenerateM1("EURUSD", TestMarkets.Start, TestMarkets.Start.AddDays(365));
        var synthetic = bars.Where(b => b.Time % 3600 == 3540).Select(b => (b.OpenTime.UtcDateTime.AddMinutes(-59), b.Close)).ToList();
        var realRatio = OverlapToAsiaRatio(real);
        var syntheticRatio = OverlapToAsiaRatio(synthetic);
        Assert.InRange(syntheticRatio, realRatio / 1.5, realRatio * 1.5);
    }

    private static double OverlapToAsiaRatio(List<(DateTime Time, double Close)> hourly)
    {
        var overlap = new List<double>();
        var asia = new List<double>();
        for (var i = 1; i < hourly.Count; i++)
        {
            var (time, close) = hourly[i];
            if (time - hourly[i - 1].Time != TimeSpan.FromHours(1) || time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var move = Math.Abs(Math.Log(close / hourly[i - 1].Close));
            if (time.Hour is >= 13 and < 16)
            {
                overlap.Add(move);
            }
            else if (time.Hour is >= 1 and < 5)
            {
                asia.Add(move);
            }
        }

        return overlap.Average() / asia.Average();
    }

    private static Dictionary<long, double> DailyCloses(DemoMarket market, string name)
    {
        var closes = new Dictionary<long, double>();
        foreach (var bar in market.GenerateM1(name, TestMarkets.Start, TestMarkets.Start.AddDays(365)))
        {
            closes[bar.Time / 86_400] = bar.Close;
        }

        return closes;
    }

    private static double[] LogReturns(Dictionary<long, double> closes) => LogReturns(closes.OrderBy(p => p.Key).Select(p => p.Value).ToArray());

    private static double[] LogReturns(double[] closes)
    {
        var returns = new double[closes.Length - 1];
        for (var i = 1; i < closes.Length; i++)
        {
            returns[i - 1] = Math.Log(closes[i] / closes[i - 1]);
        }

        return returns;
    }

    private static double Years(Dictionary<long, double> closes) => (closes.Keys.Max() - closes.Keys.Min()) / 365.25;

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
