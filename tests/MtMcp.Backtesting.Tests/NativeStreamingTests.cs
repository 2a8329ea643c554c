namespace MtMcp.Backtesting.Tests;

/// <summary>The bar models stream: a run's allocation does not grow with the number of bars (or generated ticks).</summary>
public sealed class NativeStreamingTests
{
    private static Bar[] Walk(int count)
    {
        // A seeded walk on the 5-digit grid, 1–30 ticks a bar, so that every bar takes the generator's full path.
        var random = new Random(11);
        var bars = new Bar[count];
        var price = 110_000L;
        var start = TestData.Day(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var close = price + random.Next(-20, 21);
            var high = Math.Max(price, close) + random.Next(0, 10);
            var low = Math.Min(price, close) - random.Next(0, 10);
            bars[i] = new Bar(start + (i * 60L), price / 1e5, high / 1e5, low / 1e5, close / 1e5, random.Next(1, 31), 10, 0);
            price = close;
        }

        return bars;
    }

    private static long Allocated(Bar[] bars, NativeModel model, Func<IStrategy>? strategy = null)
    {
        // By default an indicator fed every bar and OnBar called every bar, but no orders: the per-bar path itself.
        var options = new NativeOptions { EquityCurve = false };
        var before = GC.GetAllocatedBytesForCurrentThread();
        NativeBacktest.RunBars(bars, Timeframe.M1, model, strategy?.Invoke() ?? new Watching(), null, options);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(NativeModel.OpenPrices)]
    [InlineData(NativeModel.M1Ohlc)]
    [InlineData(NativeModel.GeneratedTicks)]
    public void RunBars_HoldingAPositionWithStops_AllocationIsFlatInTheBars(NativeModel model)
    {
        // The same trades in both runs (one entry, stops checked on every quote, the close at the end): what grows
        // with more bars is only the per-quote and per-bar path with an open position.
        var small = Walk(10_000);
        var large = Walk(40_000);
        var held = NativeBacktest.RunBars(large, Timeframe.M1, model, new Holding(), null, new NativeOptions { EquityCurve = false });
        Assert.Equal(DealType.Buy, held.Deals[1].Type); // bought once and held: no stop or target is reached
        Assert.Equal(held.Deals.Count - 2, held.Deals.Skip(2).Count(d => d.Entry == DealEntry.Out && d.TimeMs >= large[^1].Time * 1000));
        Allocated(small, model, () => new Holding());
        Allocated(large, model, () => new Holding());
        var smallBytes = Enumerable.Range(0, 3).Min(_ => Allocated(small, model, () => new Holding()));
        var largeBytes = Enumerable.Range(0, 3).Min(_ => Allocated(large, model, () => new Holding()));
        Assert.True(largeBytes - smallBytes < 4_096, $"{model}: {smallBytes} B for 10 k bars, {largeBytes} B for 40 k bars");
    }

    [Theory]
    [InlineData(NativeModel.OpenPrices)]
    [InlineData(NativeModel.M1Ohlc)]
    [InlineData(NativeModel.GeneratedTicks)]
    public void RunBars_WithoutEquityCurve_AllocationIsFlatInTheBars(NativeModel model)
    {
        var small = Walk(10_000);
        var large = Walk(40_000);
        // Warm both up (JIT tiers and on-stack replacement load types as the loops get hot), then take the least of three.
        Allocated(small, model);
        Allocated(large, model);
        var smallBytes = Enumerable.Range(0, 3).Min(_ => Allocated(small, model));
        var largeBytes = Enumerable.Range(0, 3).Min(_ => Allocated(large, model));
        // 30,000 more bars (and ~470,000 more generated ticks): not even a byte each.
        Assert.True(largeBytes - smallBytes < 4_096, $"{model}: {smallBytes} B for 10 k bars, {largeBytes} B for 40 k bars");
    }

    [Fact]
    public void RunBars_WithEquityCurve_GrowsByTheCurveOnly()
    {
        var bars = Walk(40_000);
        var options = new NativeOptions { EquityCurve = true };
        var result = NativeBacktest.RunBars(bars, Timeframe.M1, NativeModel.M1Ohlc, new Watching(), null, options);
        Assert.Equal(bars.Length, result.Equity.Count);
        var without = NativeBacktest.RunBars(bars, Timeframe.M1, NativeModel.M1Ohlc, new Watching(), null, options with { EquityCurve = false });
        Assert.Empty(without.Equity);
        // The report's equity drawdown is measured while streaming, the same with or without the curve.
        Assert.Equal(result.Report, without.Report);
    }

    /// <summary>Buys 0.1 lot once, with a stop and a target far outside the walk, and keeps it.</summary>
    private sealed class Holding : IStrategy
    {
        public void Init(IStrategyContext context)
        {
        }

        private bool _bought;

        public void OnBar(IStrategyContext context)
        {
            if (!_bought)
            {
                var close = context.Bars[context.BarIndex].Close;
                context.Buy(10_000, sl: close / 2, tp: close * 2);
                _bought = true;
            }
        }
    }

    private sealed class Watching : IStrategy
    {
        private IndicatorSeries? _sma;

        public double Last { get; private set; }

        public void Init(IStrategyContext context) => _sma = context.Indicator(new MtMcp.Indicators.Sma.Stream(20));

        public void OnBar(IStrategyContext context) => Last = _sma![0] + context.Equity + context.Position.Size;
    }
}
