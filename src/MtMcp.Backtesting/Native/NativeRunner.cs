using MtMcp.Engine;
using MtMcp.Indicators;

namespace MtMcp.Backtesting;

/// <summary>The strategy context of a native backtest: one account on a simulated venue, fed one quote at a time.</summary>
internal sealed class NativeRunner : IStrategyContext
{
    private const string Magic = "backtest";

    private readonly IStrategy _strategy;
    private readonly SimulatedVenue _venue;
    private readonly TradingAccount _account;
    private readonly int _id;
    private readonly List<Bar> _bars;
    private readonly List<double> _equity;
    private readonly List<IndicatorSeries> _indicators = [];
    private readonly List<TradeResult> _rejections = [];
    private bool _initialising;
    private bool _started;
    private bool _ready;
    private long _ticks;

    public NativeRunner(IStrategy strategy, StrategyParameters parameters, NativeOptions options, int capacity)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Options = options;
        Parameters = parameters;
        _strategy = strategy;
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
        _bars = new List<Bar>(capacity);
        _equity = new List<double>(capacity);
        _initialising = true;
        strategy.Init(this);
        _initialising = false;
        parameters.ThrowOnUnread(strategy.GetType().Name);
    }

    public NativeOptions Options { get; }

    public SymbolSpec Spec { get; }

    public StrategyParameters Parameters { get; }

    public int BarIndex => _bars.Count - 1;

    public ReadOnlySpan<Bar> Bars => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bars);

    public double Equity
    {
        get
        {
            var equity = (double)_account.Balance;
            foreach (var position in _account.Positions)
            {
                equity += _account.FloatingProfit(position);
            }

            return equity;
        }
    }

    public PositionInfo Position
    {
        get
        {
            double size = 0, profit = 0;
            foreach (var position in _account.Positions)
            {
                size += position.Type == PositionType.Buy ? (double)position.Volume : -(double)position.Volume;
                profit += _account.FloatingProfit(position);
            }

            return new PositionInfo(size, profit);
        }
    }

    public int TradeCount => _account.Positions.Count;

    public TradeInfo Trade(int index)
    {
        var p = _account.Positions[index];
        var entryBar = _bars.Count - 1;
        while (entryBar > 0 && _bars[entryBar].Time * 1000 > p.TimeMs)
        {
            entryBar--;
        }

        return new TradeInfo(
            p.Type == PositionType.Buy ? (double)p.Volume : -(double)p.Volume, p.PriceOpen, entryBar,
            p.StopLoss == 0 ? double.NaN : p.StopLoss, p.TakeProfit == 0 ? double.NaN : p.TakeProfit, p.Comment.Length == 0 ? null : p.Comment);
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

    public void Quote(long timeMs, double bid, double ask)
    {
        _ticks++;
        _venue.OnTick(_id, new Tick(timeMs, bid, ask, 0, 0, TickFlags.Bid | TickFlags.Ask));
        if (_started)
        {
            _strategy.OnTick(this);
        }
    }

    /// <summary>A bar closed (the current quote is the first of the next bar): indicators, then the strategy, then equity.</summary>
    public void BarClosed(in Bar bar)
    {
        _bars.Add(bar);
        foreach (var indicator in _indicators)
        {
            indicator.Add(bar);
        }

        // As in backtesting.py: the strategy starts one bar after every indicator has a value.
        if (_ready)
        {
            _started = true;
            _strategy.OnBar(this);
        }

        _ready = _ready || AllReady();
        _equity.Add(Equity);
    }

    public NativeResult Finish(NativeModel model, long inputs)
    {
        _account.CloseAll(new PositionFilter());
        if (_equity.Count > 0)
        {
            _equity[^1] = Equity;
        }

        var deals = _account.Deals(HistoryQuery.All);
        return new NativeResult(model, _ticks, _bars.Count, inputs, Options.Deposit, _account.Balance, deals, [.. _equity], [.. _rejections],
            Mt5Report.From(Options.Deposit, deals, _equity));
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

    public void CloseTrade(int index, double portion = 1)
    {
        var p = _account.Positions[index];
        var volume = Math.Max(Spec.VolumeMin, Floor(p.Volume * (decimal)portion));
        Send(new TradeRequest
        {
            Action = TradeAction.Deal,
            Symbol = p.Symbol,
            Type = p.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
            Volume = Math.Min(volume, p.Volume),
            Position = p.Ticket,
        });
    }

    public void SetTradeStops(int index, double sl, double tp)
    {
        var p = _account.Positions[index];
        Send(new TradeRequest
        {
            Action = TradeAction.SlTp,
            Symbol = p.Symbol,
            Position = p.Ticket,
            StopLoss = OnGrid(sl),
            TakeProfit = OnGrid(tp),
        });
    }

    /// <summary>
    /// Sizes follow backtesting.py: (0, 1) is that fraction of the free margin (the lots whose margin it covers, whole
    /// volume steps); ≥ 1 is units of the base currency (÷ contract size, floored to the volume step).
    /// </summary>
    private void Place(bool isBuy, double size, double limit, double stop, double sl, double tp, string? tag)
    {
        if (!(size > 0) || !double.IsFinite(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Order size is a fraction of the free margin in (0, 1) or units ≥ 1.");
        }

        decimal lots;
        if (size < 1)
        {
            var oneLot = _account.Check(new TradeRequest { Action = TradeAction.Deal, Symbol = Spec.Name, Type = isBuy ? OrderType.Buy : OrderType.Sell, Volume = Spec.VolumeMin });
            // Free margin now = free margin after a minimum-volume deal + that deal's own margin.
            var free = oneLot.MarginFree + oneLot.RequiredMargin;
            lots = oneLot.RequiredMargin > 0 ? Floor((decimal)(free * size / oneLot.RequiredMargin) * Spec.VolumeMin) : 0;
            // The fill itself costs the spread (equity falls at once), so step down until the engine's check passes.
            while (lots >= Spec.VolumeMin
                && _account.Check(new TradeRequest { Action = TradeAction.Deal, Symbol = Spec.Name, Type = isBuy ? OrderType.Buy : OrderType.Sell, Volume = lots }).Retcode == TradeRetcode.NoMoney)
            {
                lots -= Spec.VolumeStep;
            }
        }
        else
        {
            lots = Floor((decimal)(size / Spec.ContractSize));
        }

        if (lots < Spec.VolumeMin)
        {
            return;
        }

        var pending = !double.IsNaN(limit) || !double.IsNaN(stop);
        Send(new TradeRequest
        {
            Action = pending ? TradeAction.Pending : TradeAction.Deal,
            Symbol = Spec.Name,
            Type = (pending, isBuy, !double.IsNaN(limit), !double.IsNaN(stop)) switch
            {
                (false, true, _, _) => OrderType.Buy,
                (false, false, _, _) => OrderType.Sell,
                (true, true, true, true) => OrderType.BuyStopLimit,
                (true, false, true, true) => OrderType.SellStopLimit,
                (true, true, true, false) => OrderType.BuyLimit,
                (true, false, true, false) => OrderType.SellLimit,
                (true, true, false, _) => OrderType.BuyStop,
                (true, false, false, _) => OrderType.SellStop,
            },
            Volume = lots,
            Price = OnGrid(!double.IsNaN(stop) ? stop : limit),
            StopLimit = !double.IsNaN(stop) ? OnGrid(limit) : 0,
            StopLoss = OnGrid(sl),
            TakeProfit = OnGrid(tp),
            Comment = tag ?? "",
        });
    }

    // Strategies compute levels freely (ATR multiples, percentages); the venue takes prices on the symbol's tick grid.
    private double OnGrid(double price) => double.IsNaN(price) ? 0 : Spec.NormalizePrice(price);

    private decimal Floor(decimal lots) => Math.Floor(lots / Spec.VolumeStep) * Spec.VolumeStep;

    private void Send(TradeRequest request)
    {
        var result = _account.Send(request);
        if (result.Retcode is not (TradeRetcode.Done or TradeRetcode.Placed or TradeRetcode.DonePartial))
        {
            _rejections.Add(result);
        }
    }
}
