using System.Diagnostics;
using System.Runtime.InteropServices;
using MtMcp.Engine;
using MtMcp.Indicators;

namespace MtMcp.Backtesting;

/// <summary>
/// The strategy context of a native backtest: one account on a simulated venue, fed one quote at a time. The bars the
/// strategy sees are the caller's own (bar models, no copy) or built from the ticks (tick models); besides those only the
/// optional equity curve grows with the number of bars.
/// </summary>
internal sealed class NativeRunner : IStrategyContext
{
    private const string Magic = "backtest";

    private readonly IStrategy _strategy;
    private readonly SimulatedVenue _venue;
    private readonly TradingAccount _account;
    private readonly CurrencyConverter _converter;
    private readonly int _id;
    private readonly ReadOnlyMemory<Bar> _source;
    private readonly List<Bar>? _built;
    private readonly List<double>? _equity;
    private readonly List<IndicatorSeries> _indicators = [];
    private readonly List<TradeResult> _rejections = [];
    private EquityDrawdown _drawdown = new();
    private double _lastEquity = double.NaN;
    private readonly bool _handlesTicks;
    private bool _initialising;
    private bool _started;
    private bool _ready;
    private long _ticks;
    private int _barCount;

    /// <summary>A runner over <paramref name="bars"/> (bar models), or over bars built from ticks when it is empty.</summary>
    public NativeRunner(IStrategy strategy, StrategyParameters parameters, NativeOptions options, ReadOnlyMemory<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Options = options;
        Parameters = parameters;
        _strategy = strategy;
        _handlesTicks = HandlesTicks(strategy.GetType());
        _venue = new SimulatedVenue(options.Catalog);
        if (!_venue.Quotes.TryGetId(options.Symbol, out _id))
        {
            throw new ArgumentException($"Unknown symbol '{options.Symbol}' for the native backtest.", nameof(options));
        }

        Spec = _venue.Quotes.Spec(_id);
        var settings = new AccountSettings
        {
            Info = new AccountInfo
            {
                Login = 1,
                Server = Magic,
                Currency = options.Currency,
                Leverage = options.Leverage,
                TradeMode = AccountTradeMode.Demo,
                MarginMode = options.Hedging ? AccountMarginMode.RetailHedging : AccountMarginMode.RetailNetting,
            },
            Commission = options.Commission,
        };
        _account = _venue.Open(Magic, settings, options.Deposit, 0);
        _converter = new CurrencyConverter(_venue.Quotes.Symbols, _venue.Quotes);
        _source = bars;
        _built = bars.IsEmpty ? [] : null;
        _equity = options.EquityCurve ? new List<double>(bars.Length) : null;
        _initialising = true;
        strategy.Init(this);
        _initialising = false;
        parameters.ThrowOnUnread(strategy.GetType().Name);
    }

    public NativeOptions Options { get; }

    public SymbolSpec Spec { get; }

    public StrategyParameters Parameters { get; }

    public int BarIndex => _barCount - 1;

    public ReadOnlySpan<Bar> Bars => _built is null ? _source.Span[.._barCount] : CollectionsMarshal.AsSpan(_built);

    public double Equity => StrategyOrders.Equity(_account);

    public PositionInfo Position => StrategyOrders.Net(_account);

    public int TradeCount => _account.Positions.Count;

    public TradeInfo Trade(int index) => StrategyOrders.Info(_account.Positions[index], Bars);

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

    public void Quote(long timeMs, double bid, double ask)
    {
        _ticks++;
        _venue.OnTick(_id, new Tick(timeMs, bid, ask, 0, 0, TickFlags.Bid | TickFlags.Ask));
        if (_started && _handlesTicks)
        {
            _strategy.OnTick(this);
        }
    }

    // A strategy that keeps the interface's empty OnTick is not called on every quote (an interface dispatch each,
    // 4 to 100 a bar).
    private static bool HandlesTicks(Type type)
    {
        var map = type.GetInterfaceMap(typeof(IStrategy));
        for (var k = 0; k < map.InterfaceMethods.Length; k++)
        {
            if (map.InterfaceMethods[k].Name == nameof(IStrategy.OnTick))
            {
                return map.TargetMethods[k].DeclaringType != typeof(IStrategy);
            }
        }

        return true;
    }

    /// <summary>Bar <paramref name="index"/> of the runner's bars closed (the current quote is the first of the next bar).</summary>
    public void BarClosed(int index)
    {
        Debug.Assert(_built is null && index == _barCount, "Bars close in order, once each.");
        _barCount++;
        Closed(_source.Span[index]);
    }

    /// <summary>A bar built from the ticks closed (the current quote is the first of the next bar).</summary>
    public void BarClosed(in Bar bar)
    {
        _built!.Add(bar);
        _barCount++;
        Closed(bar);
    }

    // Indicators, then the strategy, then the equity sample.
    private void Closed(in Bar bar)
    {
        for (var k = 0; k < _indicators.Count; k++)
        {
            _indicators[k].Add(bar);
        }

        // As in backtesting.py: the strategy starts one bar after every indicator has a value.
        if (_ready)
        {
            _started = true;
            _strategy.OnBar(this);
        }

        _ready = _ready || AllReady();
        Sample(Equity);
    }

    public NativeResult Finish(NativeModel model, long inputs)
    {
        _account.CloseAll(new PositionFilter());
        // The last bar's sample becomes the equity after the end-of-test close.
        _lastEquity = double.NaN;
        _equity?.RemoveAt(_equity.Count - 1);
        Sample(Equity);
        _drawdown.Add(_lastEquity);
        var deals = _account.Deals(HistoryQuery.All);
        return new NativeResult(model, _ticks, _barCount, inputs, Options.Deposit, _account.Balance, deals, _equity is null ? [] : _equity, [.. _rejections],
            Mt5Report.From(Options.Deposit, deals, _drawdown));
    }

    // The drawdown takes a sample once the next one arrives, so that Finish can still replace the last.
    private void Sample(double equity)
    {
        if (!double.IsNaN(_lastEquity))
        {
            _drawdown.Add(_lastEquity);
        }

        _lastEquity = equity;
        _equity?.Add(equity);
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

    public void Buy(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null) =>
        Place(isBuy: true, size, limit, stop, sl, tp, tag);

    public void Sell(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null) =>
        Place(isBuy: false, size, limit, stop, sl, tp, tag);

    public void ClosePosition(double portion = 1)
    {
        for (var k = _account.Positions.Count - 1; k >= 0; k--)
        {
            CloseTrade(k, portion);
        }
    }

    public void CloseTrade(int index, double portion = 1) => Send(StrategyOrders.Close(Spec, _account.Positions[index], portion));

    public void SetTradeStops(int index, double sl, double tp) => Send(StrategyOrders.Stops(Spec, _account.Positions[index], sl, tp));

    private void Place(bool isBuy, double size, double limit, double stop, double sl, double tp, string? tag)
    {
        if (size < 1 && CannotPayMinimumMargin(isBuy))
        {
            return; // what sizing by the margin would find, without the order checks
        }

        var lots = StrategyOrders.Lots(Spec, isBuy, size, _account.Check);
        if (lots > 0)
        {
            Send(StrategyOrders.Entry(Spec, isBuy, lots, limit, stop, sl, tp, tag));
        }
    }

    /// <summary>
    /// Whether an account with no positions or orders cannot even pay the margin of the smallest volume, so that sizing
    /// by a fraction of the margin can only find 0 lots. An all-in strategy that lost its deposit asks on every signal
    /// (tens of thousands of times in a million bars), and each order check builds its rejection, so this answers first.
    /// Exact: the free margin after such a fill is the balance and credit, minus the fill's spread and commission
    /// (neither negative here), minus the margin computed below.
    /// </summary>
    private bool CannotPayMinimumMargin(bool isBuy)
    {
        if (_account.Positions.Count > 0 || _account.Orders.Count > 0 || Options.Commission is { PerLot: < 0 } or { PerMillion: < 0 })
        {
            return false;
        }

        var quote = _venue.Quotes.Get(_id);
        if (!(quote.Ask >= quote.Bid))
        {
            return false;
        }

        double margin;
        try
        {
            margin = MarginCalculator.OrderMargin(Spec, isBuy ? PositionType.Buy : PositionType.Sell, Spec.VolumeMin, Options.Leverage, Options.Currency, _converter, quote);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return false; // the order check reports it
        }

        // A relative hair below the margin: the engine's own margin of the fill may differ from this one in the last bits.
        return (double)(_account.Balance + _account.Credit) < margin * (1 - 1e-9);
    }

    private void Send(TradeRequest request)
    {
        var result = _account.Send(request);
        if (result.Retcode is not (TradeRetcode.Done or TradeRetcode.Placed or TradeRetcode.DonePartial))
        {
            _rejections.Add(result);
        }
    }
}
