namespace MtMcp.Indicators.Tests;

/// <summary>
/// Every registered indicator, TA-Lib or not, with its default parameters on real data: the streaming form
/// (with an update in place of the forming bar on every bar) equals the batch form at every bar.
/// </summary>
public sealed class StreamBatchTests
{
    public static TheoryData<string> All() => [.. IndicatorRegistry.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(All))]
    public void Stream_EqualsBatch_WithDefaults(string name)
    {
        var indicator = IndicatorRegistry.Get(name);
        var data = GoldenData.Get("eurusd_h1");
        var parameters = IndicatorParameters.Defaults(indicator.Info);
        var batch = indicator.Compute(data.Inputs(indicator.Info), parameters);
        var stream = indicator.CreateStream(parameters);
        var lookback = indicator.LookbackOf(parameters);

        for (var i = 0; i < data.Length; i++)
        {
            var bar = data.Bar(indicator.Info, i);
            stream.Add(bar with { Close = bar.Close * 1.001, High = bar.High * 1.002, Real0 = bar.Real0 * 1.001 });
            stream.UpdateLast(bar);
            Assert.Equal(i >= lookback, stream.IsReady);
            for (var k = 0; k < batch.Length; k++)
            {
                var expected = batch[k][i];
                var actual = stream.Value(k);
                Assert.True(
                    double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)),
                    $"{name} output {indicator.Info.Outputs[k].Name} at bar {i}: batch {expected:R}, stream {actual:R}");
            }
        }
    }
}
