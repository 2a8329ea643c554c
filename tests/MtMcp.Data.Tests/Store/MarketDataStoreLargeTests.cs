using System.Diagnostics;
using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

public sealed class MarketDataStoreLargeTests : IDisposable
{
    private const int Total = 10_000_000;
    private const int Batch = 1_000_000;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WriteBars_TenMillionInBatches_ReadsBackEveryTimeAndSpotChecks()
    {
        using var store = new MarketDataStore(_temp.Path);
        var buffer = new Bar[Batch];
        var expectedCloseSum = 0.0;
        var writeClock = Stopwatch.StartNew();
        for (var start = 0; start < Total; start += Batch)
        {
            for (var i = 0; i < Batch; i++)
            {
                buffer[i] = BarAt(BaseTime + ((start + i) * 60L));
                expectedCloseSum += buffer[i].Close;
            }

            Assert.Equal(new WriteResult(Batch, 0, 0), store.WriteBars("EURUSD", Timeframe.M1, buffer));
        }

        writeClock.Stop();

        var readClock = Stopwatch.StartNew();
        using var series = store.OpenBars("EURUSD", Timeframe.M1);
        var close = series.Close;
        var sum = 0.0;
        for (var i = 0; i < close.Length; i++)
        {
            sum += close[i];
        }

        readClock.Stop();

        Assert.Equal(Total, series.Count);
        Assert.Equal(expectedCloseSum, sum);
        foreach (var index in new[] { 0, 1, Total / 2, Total - 2, Total - 1 })
        {
            AssertSameBits(BarAt(BaseTime + (index * 60L)), series[index]);
        }

        var time = series.Time;
        for (var i = 0; i < time.Length; i++)
        {
            if (time[i] != BaseTime + (i * 60L))
            {
                Assert.Fail($"Time of bar {i} is {time[i]}.");
            }
        }

        Assert.Equal(Total / 2, series.LowerBound(BaseTime + ((Total / 2) * 60L) - 1));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"10 M bars: written in {writeClock.ElapsedMilliseconds} ms (10 appends of 1 M), opened + summed Close (cold) in {readClock.Elapsed.TotalMilliseconds:F1} ms");
    }
}
