using MtMcp.Data.Import;
using MtMcp.Data.Resampling;
using MtMcp.Engine;
using MtMcp.Testing;

namespace MtMcp.Backtesting.Tests;

/// <summary>
/// The four MT5 modelling modes on the same real market: the LEAN EURUSD ticks of 2014-05-01 .. 05-07 (real ticks), and
/// the M1 bars built from them (generated ticks, 1-minute OHLC, open prices). One strategy with a stop loss and a take
/// profit, so that exits inside a bar show which price path each mode walks.
/// </summary>
public sealed class ModellingModeTests
{
    private const long Minute = 60_000;
    private const double Point = 0.00001;

    private static readonly Lazy<Tick[]> s_ticks = new(() =>
    {
        var days = new[] { "20140501", "20140502", "20140505", "20140506", "20140507" };
        return [.. days.SelectMany(d => DataImporter.Import(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", $"{d}_quote.zip"), new ImportOptions { Symbol = "EURUSD" }).Ticks)];
    });

    private static readonly Lazy<Bar[]> s_bars = new(() => BarResampler.TicksToBars(s_ticks.Value, Timeframe.M1, Point));

    private static readonly Lazy<Dictionary<NativeModel, NativeResult>> s_runs = new(() =>
        Enum.GetValues<NativeModel>().ToDictionary(m => m, m => Run(m)));

    private static readonly NativeOptions s_options = new() { Leverage = 100 };

    private static NativeResult Run(NativeModel model, Func<IStrategy>? strategy = null)
    {
        var create = strategy ?? (() => new CrossWithStops());
        var parameters = new StrategyParameters().Set("fast", 10).Set("slow", 30);
        return model == NativeModel.RealTicks
            ? NativeBacktest.RunTicks(s_ticks.Value, Timeframe.M1, create(), parameters, s_options)
            : NativeBacktest.RunBars(s_bars.Value, Timeframe.M1, model, create(), parameters, s_options);
    }

    private static IEnumerable<Deal> Trades(NativeResult result) => result.Deals.Where(d => d.Type is DealType.Buy or DealType.Sell);

    private static IEnumerable<Deal> StopExits(NativeResult result) =>
        Trades(result).Where(d => d.Reason is DealReason.StopLoss or DealReason.TakeProfit);

    [Theory]
    [InlineData(NativeModel.OpenPrices)]
    [InlineData(NativeModel.M1Ohlc)]
    [InlineData(NativeModel.GeneratedTicks)]
    [InlineData(NativeModel.RealTicks)]
    public void Run_EachMode_IsDeterministicAndTradesWithoutRejections(NativeModel model)
    {
        var first = s_runs.Value[model];
        var second = Run(model);
        Assert.Equal(first.Deals, second.Deals);
        Assert.Equal(first.Equity, second.Equity);
        Assert.Equal(first.Report, second.Report);
        Assert.Empty(first.Rejections);
        Assert.True(first.Report.TotalTrades > 50, $"{model}: {first.Report.TotalTrades} trades");
        Assert.Equal(s_bars.Value.Length, first.Bars);
        // The equity drawdown measured while streaming equals the one computed from the whole curve afterwards.
        Assert.True(first.Report.EquityDrawdownMaximal.Money > 0);
        Assert.Equal(Mt5Report.From(first.InitialDeposit, first.Deals, first.Equity), first.Report);
    }

    [Fact]
    public void Run_TickCounts_FollowEachModesPath()
    {
        var runs = s_runs.Value;
        var bars = s_bars.Value;
        Assert.Equal(bars.Length, runs[NativeModel.OpenPrices].Ticks);
        Assert.Equal(4L * bars.Length, runs[NativeModel.M1Ohlc].Ticks);
        // Generated ticks: as many as each bar's tick volume, i.e. as many as there were real ticks.
        Assert.Equal(bars.Sum(b => b.TickVolume), runs[NativeModel.GeneratedTicks].Ticks);
        Assert.Equal(s_ticks.Value.Length, runs[NativeModel.GeneratedTicks].Ticks);
        Assert.Equal(s_ticks.Value.Length, runs[NativeModel.RealTicks].Ticks);
    }

    [Fact]
    public void OpenPrices_EveryFill_IsAtABarOpen()
    {
        var opens = s_bars.Value.ToDictionary(b => b.Time * 1000);
        var trades = Trades(s_runs.Value[NativeModel.OpenPrices]).ToList();
        Assert.NotEmpty(trades);
        foreach (var deal in trades)
        {
            Assert.True(opens.TryGetValue(deal.TimeMs, out var bar), $"deal {deal.Ticket} at {deal.TimeMs} is not at a bar open");
            // Sells at the bid (the open), buys at the ask (the open plus the bar's spread).
            var expected = deal.Type == DealType.Sell ? bar.Open : bar.Open + (bar.Spread * Point);
            Assert.True(Math.Abs(deal.Price - expected) < Point / 2, $"deal {deal.Ticket}: {deal.Price} vs {expected}");
        }
    }

    [Fact]
    public void StopsInsideBars_AreSeenByTheTickModesOnly()
    {
        var runs = s_runs.Value;
        var open = StopExits(runs[NativeModel.OpenPrices]).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, d => Assert.Equal(0, d.TimeMs % Minute));
        foreach (var model in new[] { NativeModel.M1Ohlc, NativeModel.GeneratedTicks, NativeModel.RealTicks })
        {
            var exits = StopExits(runs[model]).ToList();
            Assert.True(exits.Count(d => d.TimeMs % Minute != 0) > exits.Count / 2, $"{model}: {exits.Count} stop exits, most inside a bar");
        }

        // 1-minute OHLC has only four instants per bar to hit a stop at.
        Assert.All(StopExits(runs[NativeModel.M1Ohlc]), d => Assert.Contains(d.TimeMs % Minute, new long[] { 0, Minute / 4, Minute / 2, Minute - 1 }));
    }

    [Fact]
    public void RealTicks_StopExits_FillAtARealQuote()
    {
        var ticks = s_ticks.Value.ToLookup(t => t.TimeMs);
        var exits = StopExits(s_runs.Value[NativeModel.RealTicks]).ToList();
        Assert.NotEmpty(exits);
        foreach (var deal in exits)
        {
            Assert.Contains(ticks[deal.TimeMs], t => deal.Price == (deal.Type == DealType.Buy ? t.Ask : t.Bid));
        }
    }

    [Fact]
    public void Results_DifferBetweenModesButStayInABand()
    {
        var runs = s_runs.Value;
        var net = runs.ToDictionary(r => r.Key, r => r.Value.Report.TotalNetProfit);
        // Different paths give different ledgers...
        Assert.Equal(4, net.Values.Distinct().Count());
        // ...but the same market: every mode ends within 5 % of the deposit of the real-tick result (a trade risks about
        // 0.25 % of the equity: 5 pips on 5 × the equity; the modes differ in which exits the path triggers and at what price).
        var real = net[NativeModel.RealTicks];
        foreach (var (model, value) in net)
        {
            Assert.True(Math.Abs(value - real) < 0.05m * s_options.Deposit, string.Join(", ", net.Select(n => $"{n.Key} {n.Value}")));
        }

        // Generated ticks walk the true range of every bar, so they sit closer to real ticks than open prices do.
        Assert.True(Math.Abs(net[NativeModel.GeneratedTicks] - real) <= Math.Abs(net[NativeModel.OpenPrices] - real),
            string.Join(", ", net.Select(n => $"{n.Key} {n.Value}")));
    }

    [Fact]
    public void SmaCrossWithoutStops_SameSignalsInEveryMode()
    {
        // With no stops, the exits are signals on closed bars, and every mode sees the same M1 bars.
        var trades = Enum.GetValues<NativeModel>().Select(m => Run(m, () => new SmaCross()).Report.TotalTrades).ToList();
        Assert.True(trades[0] > 50);
        Assert.All(trades, t => Assert.Equal(trades[0], t));
    }

    [Fact]
    public void OnTick_StrategyThatHandlesTicks_SeesEveryQuoteOnceStarted()
    {
        // 10 M1 bars, 1-minute OHLC: 4 quotes a bar. With no indicators the strategy starts when bar 1 closes, at the
        // open quote of bar 2, so it sees bar 2's other 3 quotes and all 4 of bars 3..9: 3 + 4 × 7 = 31; it sees bars 1..9
        // close (the last one at the end of the test): 9.
        var bars = new Bar[10];
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = new Bar(1_400_000_000 + (60 * i), 1.10000, 1.10020, 1.09980, 1.10010, 4, 10, 0);
        }

        var strategy = new TickCounter();
        var result = NativeBacktest.RunBars(bars, Timeframe.M1, NativeModel.M1Ohlc, strategy);

        Assert.Equal(40, result.Ticks);
        Assert.Equal(31, strategy.Ticks);
        Assert.Equal(9, strategy.Bars);
    }

    private sealed class TickCounter : IStrategy
    {
        public int Ticks { get; private set; }

        public int Bars { get; private set; }

        public void Init(IStrategyContext context)
        {
        }

        public void OnBar(IStrategyContext context) => Bars++;

        public void OnTick(IStrategyContext context) => Ticks++;
    }

    /// <summary>SMA(fast) × SMA(slow) entries with 5 % of the free margin (5 × the equity at 1:100), a 5-pip stop loss and an 8-pip take profit.</summary>
    private sealed class CrossWithStops : IStrategy
    {
        private IndicatorSeries? _fast;
        private IndicatorSeries? _slow;

        public void Init(IStrategyContext context)
        {
            _fast = context.Indicator(new MtMcp.Indicators.Sma.Stream(context.Parameters.Integer("fast", 10)));
            _slow = context.Indicator(new MtMcp.Indicators.Sma.Stream(context.Parameters.Integer("slow", 30)));
        }

        public void OnBar(IStrategyContext context)
        {
            var close = context.Bars[context.BarIndex].Close;
            if (IndicatorSeries.CrossOver(_fast!, _slow!))
            {
                context.ClosePosition();
                context.Buy(0.05, sl: close - 0.0005, tp: close + 0.0008);
            }
            else if (IndicatorSeries.CrossOver(_slow!, _fast!))
            {
                context.ClosePosition();
                context.Sell(0.05, sl: close + 0.0005, tp: close - 0.0008);
            }
        }
    }
}
