using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using MtMcp.Backtesting;
using MtMcp.Indicators;
using PriceSource = MtMcp.Backtesting.PriceSource;

namespace MtMcp.Live;

/// <summary>
/// Runs one strategy on an account with the native backtest's semantics: bars of the strategy's timeframe are built
/// from the feed's bid (<see cref="TickBars"/>); <see cref="IStrategy.OnBar"/> runs at the first tick of the next bar, after
/// the venue processed that tick, so its market orders fill at that tick on a paper account; <see cref="IStrategy.OnTick"/>
/// on every tick once started. Orders are sized and built by <see cref="StrategyOrders"/> (as in the backtest) and sent
/// through the account's order path (<see cref="IStrategyAccount.Send"/>), so the risk gate and the audit trail apply,
/// with the strategy id as the actor.
/// </summary>
/// <remarks>
/// The strategy sees only its own positions (by magic number); equity is the whole account's. Every order carries a
/// client order id made of the strategy id, the bar and its place in the bar, so repeating a bar's decisions (after a
/// crash) never sends an order twice. Not thread-safe: a step runs under <see cref="Steps"/>, taken by
/// <see cref="LiveStrategyService"/>; <see cref="BarCount"/> and <see cref="RecentSignals"/> may be read from any thread.
/// </remarks>
internal sealed class StrategyHost : IStrategyContext
{
    // Bars kept for the strategy's look-back: a long-running strategy must not grow without bound.
    private const int MaxBars = 10_000;
    private const int SignalsKept = 50;

    private readonly IStrategy _strategy;
    private readonly IStrategyAccount _account;
    private readonly TradeOrigin _origin;
    private readonly TickBars _builder;
    private readonly List<Bar> _bars = [];
    private readonly List<IndicatorSeries> _indicators = [];
    private readonly Queue<StrategySignal> _signals = new();
    private readonly Func<TradeRequest, OrderCheckResult> _check;
    private readonly Func<TradingAccount, double> _equity;
    private readonly Func<TradingAccount, PositionInfo> _net;
    private readonly Func<TradingAccount, int> _count;
    private bool _initialising;
    private bool _ready;
    private bool _started;
    private long _actingBar;
    private long _actingTimeMs;
    private int _ordersInStep;
    private bool _warmedUp;
    private bool _inOnBar;
    private IReadOnlyList<StrategySignal> _recentSignals = [];
    private int _barCount;
    private volatile bool _stopped;

    public StrategyHost(LiveStrategyRecord record, IStrategy strategy, IStrategyAccount account, SymbolSpec spec)
    {
        Record = record;
        Spec = spec;
        _strategy = strategy;
        _account = account;
        _origin = new TradeOrigin(record.Id, "strategy:" + StrategyName(record.Spec.Strategy));
        _builder = new TickBars(record.Spec.Timeframe, spec.Point);
        var magic = record.Magic;
        _check = request => _account.Read(a => a.Check(request));
        _equity = StrategyOrders.Equity;
        _net = a => StrategyOrders.Net(a, magic);
        _count = a => Mine(a).Count;
        Parameters = new StrategyParameters();
        foreach (var (name, value) in record.Spec.Parameters)
        {
            Parameters.Set(name, value);
        }

        LastOrderBar = record.LastOrderBar;
        FirstBar = record.FirstBar;
        _initialising = true;
        strategy.Init(this);
        _initialising = false;
        Parameters.ThrowOnUnread(record.Spec.Strategy);
    }

    public LiveStrategyRecord Record { get; set; }

    public SymbolSpec Spec { get; }

    /// <summary>The account traded.</summary>
    public IStrategyAccount Account => _account;

    /// <summary>Held while a step (warm-up, a tick) runs, and by a stop waiting for the step in progress.</summary>
    public Lock Steps { get; } = new();

    /// <summary>Set (under <see cref="Steps"/>) when the strategy stopped or failed: no step runs after it.</summary>
    public bool Stopped
    {
        get => _stopped;
        set => _stopped = value;
    }

    /// <summary>The most recent orders (and skipped steps), oldest first: a snapshot taken when one is added.</summary>
    public IReadOnlyList<StrategySignal> RecentSignals => Volatile.Read(ref _recentSignals);

    /// <summary>Whether the host has warmed up (or decided there is nothing to warm up on).</summary>
    public bool WarmedUp => _warmedUp;

    /// <summary>Orders sent since the host was made (each one a signal).</summary>
    public long SignalsSent { get; private set; }

    /// <summary>Open time (Unix s) of the last bar whose <see cref="IStrategy.OnBar"/> sent orders; starts from the record.</summary>
    public long LastOrderBar { get; private set; }

    /// <summary>Open time (Unix s) of the first bar seen (warm-up included); 0 before any.</summary>
    public long FirstBar { get; private set; }

    /// <summary>Closed bars seen (warm-up included).</summary>
    public int BarCount => Volatile.Read(ref _barCount);

    public StrategyParameters Parameters { get; }

    public int BarIndex => _bars.Count - 1;

    public ReadOnlySpan<Bar> Bars => CollectionsMarshal.AsSpan(_bars);

    public double Equity => _account.Read(_equity);

    public PositionInfo Position => _account.Read(_net);

    public int TradeCount => _account.Read(_count);

    public TradeInfo Trade(int index) => StrategyOrders.Info(MyPosition(index), Bars);

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

    /// <summary>
    /// Feeds past bars before the first live tick: closed bars go through the indicators (the strategy does not trade on
    /// them); a last bar opened at <paramref name="currentBar"/> is the bar in progress, continued by the live ticks.
    /// </summary>
    public void WarmUp(IReadOnlyList<Bar> history, long currentBar)
    {
        foreach (var bar in history)
        {
            if (bar.Time < currentBar)
            {
                AddBar(bar);
                _ready = _ready || AllReady();
            }
            else if (bar.Time == currentBar)
            {
                FirstBar = FirstBar == 0 ? bar.Time : FirstBar;
                _builder.Seed(bar);
            }
        }

        // A strategy whose indicators are ready trades from the next bar on, as one that ran through the history would.
        _started = _ready;
        _warmedUp = true;
    }

    /// <summary>Marks the host warmed up without history (a replay from its start, or no history source).</summary>
    public void SkipWarmUp() => _warmedUp = true;

    /// <summary>One feed tick of the strategy's symbol, after the venue processed it.</summary>
    public void OnFeedTick(in Tick tick)
    {
        _account.Refresh();
        if (_started)
        {
            _actingBar = _builder.HasBar ? _builder.Current.Time : 0;
            _actingTimeMs = tick.TimeMs;
            _ordersInStep = 0;
            _strategy.OnTick(this);
        }

        if (_builder.Add(tick, out var closed))
        {
            BarClosed(closed, tick.TimeMs);
        }

        FirstBar = FirstBar == 0 ? _builder.Current.Time : FirstBar;
    }

    /// <summary>
    /// Records a step given up because the broker could not be read (its decisions on that tick are lost; the strategy
    /// goes on with the next).
    /// </summary>
    public void StepSkipped(long timeMs, string reason)
    {
        SignalsSent++;
        Signal(new StrategySignal(timeMs, _actingBar, "skipped", 0, 0, TradeRetcode.Connection, "Step skipped: " + reason));
    }

    private void BarClosed(in Bar bar, long timeMs)
    {
        AddBar(bar);

        // As in the backtest: the strategy starts one bar after every indicator has a value. A bar it already acted on
        // before a restart is not acted on again.
        if (_ready && bar.Time > LastOrderBar)
        {
            _started = true;
            _actingBar = bar.Time;
            _actingTimeMs = timeMs;
            _ordersInStep = 0;
            _inOnBar = true;
            try
            {
                _strategy.OnBar(this);
            }
            finally
            {
                _inOnBar = false;
            }
        }

        _ready = _ready || AllReady();
    }

    private void AddBar(in Bar bar)
    {
        if (_bars.Count == MaxBars)
        {
            _bars.RemoveRange(0, MaxBars / 2);
        }

        _bars.Add(bar);
        FirstBar = FirstBar == 0 ? bar.Time : FirstBar;
        Volatile.Write(ref _barCount, _barCount + 1);
        foreach (var indicator in _indicators)
        {
            indicator.Add(bar);
        }
    }

    public void Buy(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null) =>
        Place(isBuy: true, size, limit, stop, sl, tp, tag);

    public void Sell(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null) =>
        Place(isBuy: false, size, limit, stop, sl, tp, tag);

    public void ClosePosition(double portion = 1)
    {
        for (var k = TradeCount - 1; k >= 0; k--)
        {
            CloseTrade(k, portion);
        }
    }

    public void CloseTrade(int index, double portion = 1) =>
        Send("close", StrategyOrders.Close(Spec, MyPosition(index), portion, Record.Magic, NextClientOrderId()));

    public void SetTradeStops(int index, double sl, double tp) =>
        Send("stops", StrategyOrders.Stops(Spec, MyPosition(index), sl, tp, NextClientOrderId()));

    private void Place(bool isBuy, double size, double limit, double stop, double sl, double tp, string? tag)
    {
        var lots = Record.Spec.Lots ?? StrategyOrders.Lots(Spec, isBuy, size, _check);
        if (lots > 0)
        {
            var request = StrategyOrders.Entry(Spec, isBuy, lots, limit, stop, sl, tp, tag, Record.Magic, NextClientOrderId());
            Send(JsonNamingPolicy.SnakeCaseLower.ConvertName(request.Type.ToString()), request);
        }
    }

    // Strategy id, bar, place in the step: the same decisions on the same bar give the same ids, which the venue dedupes.
    private string NextClientOrderId() =>
        string.Create(CultureInfo.InvariantCulture, $"{Record.Id}:{_actingBar}:{(_actingTimeMs / 1000) - _actingBar}:{_ordersInStep++}");

    private void Send(string action, TradeRequest request)
    {
        var result = _account.Send(request, _origin);
        _account.Refresh();
        if (_inOnBar)
        {
            LastOrderBar = _actingBar;
        }

        SignalsSent++;
        Signal(new StrategySignal(result.TimeMs, _actingBar, action, request.Volume, result.Price != 0 ? result.Price : request.Price, result.Retcode, result.Message));
    }

    private void Signal(StrategySignal signal)
    {
        if (_signals.Count == SignalsKept)
        {
            _signals.Dequeue();
        }

        _signals.Enqueue(signal);
        Volatile.Write(ref _recentSignals, [.. _signals]);
    }

    private Position MyPosition(int index) => _account.Read(a => Mine(a)[index]);

    private List<Position> Mine(TradingAccount account)
    {
        var mine = new List<Position>();
        foreach (var position in account.Positions)
        {
            if (position.Magic == Record.Magic)
            {
                mine.Add(position);
            }
        }

        return mine;
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

    // A C# strategy is named by its class (the path says nothing in ids and the audit trail).
    internal static string StrategyName(string reference) =>
        reference.StartsWith("builtin:", StringComparison.OrdinalIgnoreCase) ? reference["builtin:".Length..]
        : Strategies.StrategyAssembly.IsReference(reference) ? reference[(reference.LastIndexOfAny([':', '.']) + 1)..]
        : reference;
}
