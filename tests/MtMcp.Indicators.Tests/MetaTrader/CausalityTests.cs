using System.Globalization;

namespace MtMcp.Indicators.Tests.MetaTrader;

/// <summary>
/// Properties every MetaTrader-style indicator must have: no look-ahead (the value at a bar never changes when
/// later bars arrive), and stream equals batch with non-default parameters too.
/// </summary>
public sealed class CausalityTests
{
    public static TheoryData<string> NonTaLib() => [.. IndicatorRegistry.All.Where(i => !i.Info.IsTaLib).Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(NonTaLib))]
    public void Compute_OnAPrefix_EqualsTheFullSeriesUpToThere(string name)
    {
        var indicator = IndicatorRegistry.Get(name);
        var data = GoldenData.Get("eurusd_h1");
        var parameters = IndicatorParameters.Defaults(indicator.Info);
        var full = indicator.Compute(data.Inputs(indicator.Info), parameters);
        foreach (var length in new[] { indicator.LookbackOf(parameters) + 1, 500, 1_237, 3_001 })
        {
            var prefix = Prefix(data.Inputs(indicator.Info), length);
            var partial = indicator.Compute(prefix, parameters);
            for (var k = 0; k < full.Length; k++)
            {
                MetaTraderData.AssertSeries(full[k].Take(length).ToList(), partial[k], $"{name} {indicator.Info.Outputs[k].Name} on {length} bars", 0);
            }
        }
    }

    [Theory]
    [InlineData("alligator", "jaw_period=21", "jaw_shift=0", "teeth_shift=11", "lips_period=2")]
    [InlineData("envelopes", "period=10", "ma_shift=6", "deviation=0.5")]
    [InlineData("envelopes", "ma_type=kama", "ma_shift=2")]
    [InlineData("envelopes", "ma_type=ema", "period=1")]
    [InlineData("ichimoku", "tenkan=7", "kijun=22", "senkou=44")]
    [InlineData("supertrend", "atr_period=7", "multiplier=1.5")]
    [InlineData("keltner", "period=10", "atr_period=30", "multiplier=1")]
    [InlineData("zigzag", "depth=5", "deviation=0", "backstep=2")]
    [InlineData("fibonacci_retracement", "depth=30", "backstep=5")]
    [InlineData("support_resistance", "strength=1", "swings=3")]
    [InlineData("ac", "fast=3", "slow=10", "signal=7")]
    [InlineData("pivots_camarilla", "anchor_hour=21")]
    [InlineData("vwap", "anchor_hour=7")]
    [InlineData("bw_mfi", "point=0.0001")]
    public void Stream_WithParameters_EqualsBatch(string name, params string[] assignments)
    {
        var indicator = IndicatorRegistry.Get(name);
        var data = GoldenData.Get("eurusd_h1");
        var parameters = IndicatorParameters.Bind(indicator.Info, assignments.Select(a => KeyValuePair.Create(a.Split('=')[0], a.Split('=')[1])));
        var batch = indicator.Compute(data.Inputs(indicator.Info), parameters);
        var stream = indicator.CreateStream(parameters);
        for (var i = 0; i < data.Length; i++)
        {
            var bar = data.Bar(indicator.Info, i);

            // A forming bar updated twice (lower low, then higher high) before its final values.
            stream.Add(bar with { Low = bar.Low * 0.999, Close = bar.Low * 0.999, Volume = bar.Volume + 7 });
            stream.UpdateLast(bar with { High = bar.High * 1.001, Close = bar.High * 1.001 });
            stream.UpdateLast(bar);
            for (var k = 0; k < batch.Length; k++)
            {
                var expected = batch[k][i];
                var actual = stream.Value(k);
                Assert.True(
                    double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)),
                    string.Create(CultureInfo.InvariantCulture, $"{name} {indicator.Info.Outputs[k].Name} at bar {i}: batch {expected:R}, stream {actual:R}"));
            }
        }
    }

    private static IndicatorInputs Prefix(IndicatorInputs inputs, int length) => new()
    {
        Time = inputs.Time[..length],
        Open = inputs.Open[..length],
        High = inputs.High[..length],
        Low = inputs.Low[..length],
        Close = inputs.Close[..length],
        Volume = inputs.Volume[..length],
        Real0 = inputs.Real0[..length],
        Real1 = inputs.Real1[..length],
    };
}
