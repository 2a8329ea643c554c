using System.Diagnostics;
using System.Globalization;
using MtMcp.Indicators;

namespace MtMcp.Backtesting;

/// <summary>
/// The broker and strategy context of a backtesting.py-compatible run. Mirrors <c>_Broker</c> of backtesting.py v0.6.6
/// step for step (reference/backtest-stats.md A.2); the comments name the rule each part implements.
/// </summary>
internal sealed partial class CompatBroker : IStrategyContext
{
    private readonly ReadOnlyMemory<Bar> _bars;
    private readonly CompatOptions _options;
    private readonly double _leverage;
    private readonly List<CompatOrder> _orders = [];
    private readonly List<CompatOrder> _snapshot = [];
    private readonly List<CompatTrade> _trades = [];
    private readonly List<CompatTrade> _closed = [];
    private readonly List<IndicatorSeries> _indicators = [];
    private readonly double[] _equity;
    private double _cash;
    private int _i;
    private int _warmup;
    private int _start;
    private bool _initialising;

    /// <summary>
    /// Creates the broker; the equity curve goes to <paramref name="equity"/> (its first <c>bars.Length</c> slots, e.g. a
    /// pooled buffer reused across optimisation passes) or, when null, to a new array of exactly that length.
    /// </summary>
    public CompatBroker(ReadOnlyMemory<Bar> bars, StrategyParameters parameters, CompatOptions options, double[]? equity = null)
    {
        _bars = bars;
        _options = options;
        _leverage = 1 / options.Margin;
        _cash = options.Cash;
        _equity = equity ?? new double[bars.Length];
        EquityCurve.Fill(double.NaN);
        Parameters = parameters;
    }

    public StrategyParameters Parameters { get; }

    public int BarIndex => _i;

    /// <summary>The equity per bar (NaN before the start until <see cref="Result"/> or <see cref="Statistics(CompatSeries)"/> back-fills it).</summary>
    public Span<double> EquityCurve => _equity.AsSpan(0, _bars.Length);

    public ReadOnlySpan<Bar> Bars => _bars.Span[..(_i + 1)];

    public double Equity
    {
        get
        {
            var close = _bars.Span[_i].Close;
            var equity = _cash;
            foreach (var trade in _trades)
            {
                equity += trade.ProfitAt(close);
            }

            return equity;
        }
    }

    public PositionInfo Position
    {
        get
        {
            var close = _bars.Span[_i].Close;
            double size = 0, profit = 0;
            foreach (var trade in _trades)
            {
                size += trade.Size;
                profit += trade.ProfitAt(close);
            }

            return new PositionInfo(size, profit);
        }
    }

    public int TradeCount => _trades.Count;

    public TradeInfo Trade(int index)
    {
        var t = _trades[index];
        return new TradeInfo(t.Size, t.EntryPrice, t.EntryBar, t.StopLoss, t.TakeProfit, t.Tag);
    }

    public IndicatorSeries Indicator(IStreamingIndicator stream, PriceSource source = PriceSource.Close, int output = 0, int history = 2)
    {
        if (!_initialising)
        {
            throw new InvalidOperationException("Indicators are created in IStrategy.Init, not while the bars run.");
        }

        var series = new IndicatorSeries(stream, source, output, history);
        _indicators.Add(series);
        return series;
    }

    /// <summary>Margin not tied up by open trades (valued at the current close), never negative.</summary>
    private double MarginAvailable
    {
        get
        {
            var close = _bars.Span[_i].Close;
            var used = 0.0;
            foreach (var trade in _trades)
            {
                used += Math.Abs(trade.Size) * close / _leverage;
            }

            return Math.Max(0, Equity - used);
        }
    }

    public void Run(IStrategy strategy)
    {
        _initialising = true;
        strategy.Init(this);
        _initialising = false;
        Parameters.ThrowOnUnread(strategy.GetType().Name);

        var bars = _bars.Span;
        // A.2.1: w = the first bar on which every indicator has a value; next() starts at w + 1.
        _warmup = -1;
        _start = int.MaxValue;
        for (var i = 0; i < bars.Length; i++)
        {
            _i = i;
            foreach (var indicator in _indicators)
            {
                indicator.Add(bars[i]);
            }

            if (_warmup < 0 && AllReady())
            {
                _warmup = i;
                _start = i + 1;
            }

            if (i < _start)
            {
                continue;
            }

            // A.2.2: the broker first, then the strategy.
            if (!BrokerNext())
            {
                break;
            }

            strategy.OnBar(this);
        }

        if (_warmup < 0)
        {
            // No bar where every indicator is defined: backtesting.py's argmin over an all-NaN column is 0.
            _warmup = 0;
        }

        if (_options.FinalizeTrades && _start < bars.Length && _trades.Count > 0)
        {
            // A.2.8, as backtesting.py v0.6.6's test suite pins it (GOOG SmaCross: 66 trades, final equity 51959.95 =
            // the last trade marked at the last close): the trades still open close at the last bar's close, exit bar =
            // that bar, and the last equity becomes the cash. Orders placed on the last bar have no later price: dropped.
            var last = _bars.Span[_i].Close;
            while (_trades.Count > 0)
            {
                CloseTrade(_trades[0], last, _i);
            }

            _equity[_i] = Equity;
        }
    }

    private bool AllReady()
    {
        foreach (var indicator in _indicators)
        {
            if (!indicator.IsReady)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One broker step on bar <see cref="_i"/>; false when the account ran out of money (A.2.9).</summary>
    private bool BrokerNext()
    {
        ProcessOrders();
        var equity = Equity;
        _equity[_i] = equity;
        if (equity > 0)
        {
            return true;
        }

        // backtesting.py closes `for trade in self.trades` while removing from that list, which skips every other
        // trade; the skipped ones stay open (and out of the statistics). Reproduced on purpose.
        var close = _bars.Span[_i].Close;
        for (var k = 0; k < _trades.Count; k++)
        {
            CloseTrade(_trades[k], close, _i);
        }

        _cash = 0;
        EquityCurve[_i..].Clear();
        return false;
    }

    public BacktestResult Result(string strategyName)
    {
        Debug.Assert(_equity.Length == _bars.Length, "A result's equity curve is its own array, not a pooled buffer.");
        var series = CompatSeries.Of(_bars.Span);
        var trades = ClosedTrades();
        var statistics = Statistics(series, trades);
        var bars = _bars.Span;
        var open = new TradeRecord[_trades.Count];
        var lastClose = bars[^1].Close;
        for (var k = 0; k < open.Length; k++)
        {
            var t = _trades[k];
            open[k] = new TradeRecord(
                t.Size, t.EntryBar, -1, bars[t.EntryBar].Time, 0, t.EntryPrice, double.NaN,
                t.StopLoss, t.TakeProfit, t.ProfitAt(lastClose), t.ReturnAt(lastClose), t.Commissions, t.Tag);
        }

        return new BacktestResult(strategyName, statistics, trades, open, series.Times, _equity, CompatStatistics.Drawdown(_equity));
    }

    /// <summary>
    /// The statistics alone, over the precomputed <paramref name="series"/> of these bars: what an optimisation pass needs,
    /// without the result arrays of <see cref="Result"/> (same arithmetic, so the same bits).
    /// </summary>
    public CompatStatistics Statistics(CompatSeries series) => Statistics(series, ClosedTrades());

    private CompatStatistics Statistics(CompatSeries series, TradeRecord[] trades)
    {
        var equity = EquityCurve;
        // A.2.6: values before the start are back-filled with the first recorded one; none recorded → cash.
        var first = double.NaN;
        for (var i = 0; i < equity.Length && double.IsNaN(first); i++)
        {
            first = equity[i];
        }

        for (var i = 0; i < equity.Length && double.IsNaN(equity[i]); i++)
        {
            equity[i] = double.IsNaN(first) ? _cash : first;
        }

        return CompatStatistics.Compute(series, equity, trades, _warmup, _options.RiskFreeRate);
    }

    private TradeRecord[] ClosedTrades()
    {
        var bars = _bars.Span;
        var trades = new TradeRecord[_closed.Count];
        for (var k = 0; k < trades.Length; k++)
        {
            var t = _closed[k];
            trades[k] = new TradeRecord(
                t.Size, t.EntryBar, t.ExitBar, bars[t.EntryBar].Time, bars[t.ExitBar].Time, t.EntryPrice, t.ExitPrice,
                t.StopLoss, t.TakeProfit, t.ProfitAt(t.ExitPrice), t.ReturnAt(t.ExitPrice), t.Commissions, t.Tag);
        }

        return trades;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
