using MtMcp.Backtesting;

namespace MtMcp.Strategies;

/// <summary>
/// The rules of a compiled strategy and how they turn into orders on each bar (docs/strategy-language.md, "Execution").
/// </summary>
internal sealed class CompiledStrategy
{
    private const string LongTag = "long_entry";
    private const string ShortTag = "short_entry";

    private readonly Func<int, double>? _longEntry;
    private readonly Func<int, double>? _longExit;
    private readonly Func<int, double>? _shortEntry;
    private readonly Func<int, double>? _shortExit;
    private readonly Func<int, double>? _stopLoss;
    private readonly Func<int, double>? _takeProfit;
    private readonly Func<int, double>? _trailingStop;
    private readonly Func<int, double>? _filter;
    private readonly Func<int, double>? _size;
    private readonly SizeMode _sizeMode;
    private readonly double _contractSize;
    private readonly Session? _session;
    private readonly Dictionary<string, Func<int, double>> _rules;

    public CompiledStrategy(StrategyDocument document, StrategyFeed feed, Dictionary<string, Func<int, double>> rules)
    {
        Feed = feed;
        _rules = rules;
        _longEntry = rules.GetValueOrDefault(RuleFields.LongEntry);
        _longExit = rules.GetValueOrDefault(RuleFields.LongExit);
        _shortEntry = rules.GetValueOrDefault(RuleFields.ShortEntry);
        _shortExit = rules.GetValueOrDefault(RuleFields.ShortExit);
        _stopLoss = rules.GetValueOrDefault(RuleFields.StopLoss);
        _takeProfit = rules.GetValueOrDefault(RuleFields.TakeProfit);
        _trailingStop = rules.GetValueOrDefault(RuleFields.TrailingStop);
        _filter = rules.GetValueOrDefault(RuleFields.Filter);
        _size = rules.GetValueOrDefault(RuleFields.Size);
        _sizeMode = document.SizeMode;
        _contractSize = document.ContractSize;
        _session = document.Session;
    }

    public StrategyFeed Feed { get; }

    /// <summary>The compiled rule of <paramref name="field"/> (look-back → value), or null when the document has none.</summary>
    public Func<int, double>? Rule(string field) => _rules.GetValueOrDefault(field);

    /// <summary>One bar: trail stops, exits, session close, then at most one entry (long first).</summary>
    public void OnBar(IStrategyContext context)
    {
        var position = context.Position;
        var isLong = position.IsLong;
        var isShort = position.IsShort;
        var close = context.Bars[context.BarIndex].Close;
        if (_trailingStop is not null && !position.IsFlat)
        {
            Trail(context, close);
        }

        if ((isLong && IsTrue(_longExit)) || (isShort && IsTrue(_shortExit)))
        {
            context.ClosePosition();
            isLong = isShort = false;
        }

        var inSession = _session is null || _session.Contains(context.Bars[context.BarIndex].Time);
        if (!inSession)
        {
            if (_session!.CloseOutside && (isLong || isShort))
            {
                context.ClosePosition();
            }

            return;
        }

        if (_filter is not null && _filter(0) == 0)
        {
            return;
        }

        if (!isLong && IsTrue(_longEntry))
        {
            Enter(context, close, 1, isShort);
        }
        else if (!isShort && IsTrue(_shortEntry))
        {
            Enter(context, close, -1, isLong);
        }
    }

    private static bool IsTrue(Func<int, double>? rule) => rule is not null && rule(0) != 0;

    private void Enter(IStrategyContext context, double close, int direction, bool reverse)
    {
        var stopDistance = Distance(_stopLoss);
        var size = Size(context, close, stopDistance);
        if (reverse)
        {
            context.ClosePosition();
        }

        if (!(size > 0))
        {
            return;
        }

        var sl = Level(close, -direction, stopDistance);
        var tp = Level(close, direction, Distance(_takeProfit));
        if (direction > 0)
        {
            context.Buy(size, sl: sl, tp: tp, tag: LongTag);
        }
        else
        {
            context.Sell(size, sl: sl, tp: tp, tag: ShortTag);
        }
    }

    /// <summary>The order size in the context's convention: a fraction in (0, 1) of the margin or whole units ≥ 1; 0 = skip.</summary>
    private double Size(IStrategyContext context, double close, double stopDistance)
    {
        var value = _size is null ? 1 : _size(0);
        double units;
        switch (_sizeMode)
        {
            case SizeMode.Margin:
                return value >= 1 ? OrderSizes.AllAvailable : value > 0 ? value : 0;
            case SizeMode.Units:
                units = value;
                break;
            case SizeMode.Lots:
                units = value * _contractSize;
                break;
            case SizeMode.EquityPercent:
                units = context.Equity * value / 100 / close;
                break;
            default:
                units = stopDistance > 0 ? context.Equity * value / 100 / stopDistance : 0;
                break;
        }

        units = Math.Floor(units);
        return units >= 1 && double.IsFinite(units) ? units : 0;
    }

    private static double Distance(Func<int, double>? rule)
    {
        var distance = rule is null ? double.NaN : rule(0);
        return distance > 0 && double.IsFinite(distance) ? distance : double.NaN;
    }

    private static double Level(double close, int side, double distance)
    {
        var level = close + (side * distance);
        return level > 0 ? level : double.NaN;
    }

    /// <summary>Moves each trade's stop to <c>close ∓ distance</c> when that is tighter (never loosens it).</summary>
    private void Trail(IStrategyContext context, double close)
    {
        var distance = Distance(_trailingStop);
        if (double.IsNaN(distance))
        {
            return;
        }

        for (var i = 0; i < context.TradeCount; i++)
        {
            var trade = context.Trade(i);
            if (trade.Size > 0)
            {
                var stop = close - distance;
                if (stop > 0 && !(stop <= trade.StopLoss))
                {
                    context.SetTradeStops(i, stop, trade.TakeProfit);
                }
            }
            else
            {
                var stop = close + distance;
                if (!(stop >= trade.StopLoss))
                {
                    context.SetTradeStops(i, stop, trade.TakeProfit);
                }
            }
        }
    }
}
