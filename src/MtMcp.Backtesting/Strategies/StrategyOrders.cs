using MtMcp.Engine;

namespace MtMcp.Backtesting;

/// <summary>
/// Turns the strategy API's calls (<see cref="IStrategyContext.Buy"/>, <see cref="IStrategyContext.ClosePosition"/>, …) into
/// engine trade requests. The native backtest and the live strategy host both use it, so a strategy sizes and places its
/// orders identically in a backtest and on a paper account (the to-the-cent equality rests on it).
/// </summary>
public static class StrategyOrders
{
    /// <summary>
    /// The lots of an entry of <paramref name="size"/>, following backtesting.py: (0, 1) is that fraction of the free
    /// margin (the lots whose margin it covers, whole volume steps, stepped down until the engine's check passes); ≥ 1 is
    /// units of the base currency (÷ contract size, floored to the volume step). 0 when below the minimum volume.
    /// </summary>
    /// <param name="spec">The symbol traded.</param>
    /// <param name="isBuy">Buy or sell.</param>
    /// <param name="size">The strategy's size.</param>
    /// <param name="check">The account's order check (<see cref="TradingAccount.Check"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a positive finite number.</exception>
    public static decimal Lots(SymbolSpec spec, bool isBuy, double size, Func<TradeRequest, OrderCheckResult> check)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(check);
        if (!(size > 0) || !double.IsFinite(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Order size is a fraction of the free margin in (0, 1) or units ≥ 1.");
        }

        decimal lots;
        if (size < 1)
        {
            var type = isBuy ? OrderType.Buy : OrderType.Sell;
            var oneLot = check(new TradeRequest { Action = TradeAction.Deal, Symbol = spec.Name, Type = type, Volume = spec.VolumeMin });
            // Free margin now = free margin after a minimum-volume deal + that deal's own margin.
            var free = oneLot.MarginFree + oneLot.RequiredMargin;
            lots = oneLot.RequiredMargin > 0 ? Floor(spec, (decimal)(free * size / oneLot.RequiredMargin) * spec.VolumeMin) : 0;
            // The fill itself costs the spread (equity falls at once), so step down until the engine's check passes.
            while (lots >= spec.VolumeMin
                && check(new TradeRequest { Action = TradeAction.Deal, Symbol = spec.Name, Type = type, Volume = lots }).Retcode == TradeRetcode.NoMoney)
            {
                lots -= spec.VolumeStep;
            }
        }
        else
        {
            lots = Floor(spec, (decimal)(size / spec.ContractSize));
        }

        return lots < spec.VolumeMin ? 0 : lots;
    }

    /// <summary>
    /// An entry: a market order, or a pending one when <paramref name="limit"/> and/or <paramref name="stop"/> is given
    /// (both: a stop-limit). NaN means none for every price; prices are put on the symbol's tick grid.
    /// </summary>
    public static TradeRequest Entry(
        SymbolSpec spec, bool isBuy, decimal lots, double limit, double stop, double sl, double tp, string? tag, ulong magic = 0, string? clientOrderId = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hasLimit = !double.IsNaN(limit);
        var hasStop = !double.IsNaN(stop);
        var pending = hasLimit || hasStop;
        return new TradeRequest
        {
            Action = pending ? TradeAction.Pending : TradeAction.Deal,
            Symbol = spec.Name,
            Type = (pending, isBuy, hasLimit, hasStop) switch
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
            Price = OnGrid(spec, hasStop ? stop : limit),
            StopLimit = hasStop ? OnGrid(spec, limit) : 0,
            StopLoss = OnGrid(spec, sl),
            TakeProfit = OnGrid(spec, tp),
            Comment = tag ?? "",
            Magic = magic,
            ClientOrderId = clientOrderId,
        };
    }

    /// <summary>Closes <paramref name="portion"/> (0, 1] of <paramref name="position"/> (at least the minimum volume).</summary>
    public static TradeRequest Close(SymbolSpec spec, Position position, double portion, ulong magic = 0, string? clientOrderId = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(position);
        var volume = Math.Max(spec.VolumeMin, Floor(spec, position.Volume * (decimal)portion));
        return new TradeRequest
        {
            Action = TradeAction.Deal,
            Symbol = position.Symbol,
            Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
            Volume = Math.Min(volume, position.Volume),
            Position = position.Ticket,
            Magic = magic,
            ClientOrderId = clientOrderId,
        };
    }

    /// <summary>Sets (NaN: removes) the stop loss and take profit of <paramref name="position"/>.</summary>
    public static TradeRequest Stops(SymbolSpec spec, Position position, double sl, double tp, string? clientOrderId = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(position);
        return new TradeRequest
        {
            Action = TradeAction.SlTp,
            Symbol = position.Symbol,
            Position = position.Ticket,
            StopLoss = OnGrid(spec, sl),
            TakeProfit = OnGrid(spec, tp),
            ClientOrderId = clientOrderId,
        };
    }

    /// <summary>An open position as a strategy sees it; its entry bar is the last of <paramref name="bars"/> opened at or before the fill.</summary>
    public static TradeInfo Info(Position position, ReadOnlySpan<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(position);
        var entryBar = bars.Length - 1;
        while (entryBar > 0 && bars[entryBar].Time * 1000 > position.TimeMs)
        {
            entryBar--;
        }

        return new TradeInfo(
            position.Type == PositionType.Buy ? (double)position.Volume : -(double)position.Volume, position.PriceOpen, entryBar,
            position.StopLoss == 0 ? double.NaN : position.StopLoss, position.TakeProfit == 0 ? double.NaN : position.TakeProfit,
            position.Comment.Length == 0 ? null : position.Comment);
    }

    /// <summary>The net position (signed lots) and open profit of the positions with <paramref name="magic"/> (null: all).</summary>
    public static PositionInfo Net(TradingAccount account, ulong? magic = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        double size = 0, profit = 0;
        // Index loops: a foreach over the account's read-only list allocates an enumerator, and this runs on every bar.
        var positions = account.Positions;
        for (var k = 0; k < positions.Count; k++)
        {
            var position = positions[k];
            if (magic is null || position.Magic == magic)
            {
                size += position.Type == PositionType.Buy ? (double)position.Volume : -(double)position.Volume;
                profit += account.FloatingProfit(position);
            }
        }

        return new PositionInfo(size, profit);
    }

    /// <summary>Balance plus the open profit of every position (what <see cref="IStrategyContext.Equity"/> reports).</summary>
    public static double Equity(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var equity = (double)account.Balance;
        var positions = account.Positions;
        for (var k = 0; k < positions.Count; k++)
        {
            equity += account.FloatingProfit(positions[k]);
        }

        return equity;
    }

    // Strategies compute levels freely (ATR multiples, percentages); the venue takes prices on the symbol's tick grid.
    private static double OnGrid(SymbolSpec spec, double price) => double.IsNaN(price) ? 0 : spec.NormalizePrice(price);

    private static decimal Floor(SymbolSpec spec, decimal lots) => Math.Floor(lots / spec.VolumeStep) * spec.VolumeStep;
}
