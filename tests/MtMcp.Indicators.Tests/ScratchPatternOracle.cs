using System.Globalization;
using System.Text.Json;

namespace MtMcp.Indicators.Tests;

// Scratch (pattern helper): TA-Lib output on synthetic data from /tmp/cdlwork; deleted before hand-over.
public sealed class ScratchPatternOracle
{
    [Fact]
    public void ScratchOracle_AllRegisteredPatterns_MatchTaLib()
    {
        var failures = new List<string>();
        foreach (var file in Directory.Exists("/tmp/cdlwork") ? Directory.GetFiles("/tmp/cdlwork", "*.json") : [])
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            double[] Read(string name) => [.. root.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];
            var open = Read("open");
            var high = Read("high");
            var low = Read("low");
            var close = Read("close");
            var inputs = new IndicatorInputs { Open = open, High = high, Low = low, Close = close };
            foreach (var function in root.GetProperty("functions").EnumerateObject())
            {
                if (!IndicatorRegistry.TryGet(function.Name, out var indicator))
                {
                    continue;
                }

                foreach (var item in function.Value.EnumerateArray())
                {
                    var pen = item.GetProperty("penetration");
                    var parameters = pen.ValueKind == JsonValueKind.Null
                        ? IndicatorParameters.Defaults(indicator.Info)
                        : IndicatorParameters.FromValues(indicator.Info, pen.GetDouble());
                    var beg = item.GetProperty("begIndex").GetInt32();
                    var expected = item.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                    if (beg != indicator.LookbackOf(parameters))
                    {
                        failures.Add($"{function.Name} lookback {indicator.LookbackOf(parameters)} vs {beg}");
                    }

                    var actual = indicator.Compute(inputs, parameters)[0];
                    var stream = indicator.CreateStream(parameters);
                    var bad = 0;
                    for (var i = 0; i < close.Length; i++)
                    {
                        var bar = StreamBar.Ohlcv(open[i], high[i] * 1.01, low[i], close[i] * 0.99, 0);
                        stream.Add(bar);
                        stream.UpdateLast(StreamBar.Ohlcv(open[i], high[i], low[i], close[i], 0));
                        var s = stream.Value(0);
                        var e = i < beg ? double.NaN : expected[i - beg];
                        var a = actual[i];
                        if (!(e.Equals(a) && a.Equals(s)) && bad++ < 3)
                        {
                            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} {function.Name}({pen}) bar {i}: talib {e}, batch {a}, stream {s}"));
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }
}
