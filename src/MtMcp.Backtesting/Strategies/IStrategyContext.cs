using MtMcp.Indicators;

namespace MtMcp.Backtesting;

/// <summary>
/// What a strategy sees and does: bars, its indicators, the position and its trades, and orders. Sizes follow
/// backtesting.py: a size in (0, 1) is that fraction of the available margin, a size ≥ 1 is whole units
/// (backtesting.py mode) or base-currency units converted to lots (native mode).
/// </summary>
public interface IStrategyContext
{
    /// <summary>The run's parameters (e.g. <c>fast</c>, <c>slow</c>).</summary>
    StrategyParameters Parameters { get; }

    /// <summary>Index of the current (last closed) bar.</summary>
    int BarIndex { get; }

    /// <summary>The bars up to and including the current one.</summary>
    ReadOnlySpan<Bar> Bars { get; }

    /// <summary>Account equity now (cash plus open profit), in the account currency.</summary>
    double Equity { get; }

    /// <summary>The net position: signed size and open profit.</summary>
    PositionInfo Position { get; }

    /// <summary>Number of open trades (positions on a hedging account; 0 or 1 on a netting one).</summary>
    int TradeCount { get; }

    /// <summary>Open trade <paramref name="index"/> (0 = oldest).</summary>
    TradeInfo Trade(int index);

    /// <summary>
    /// Registers a streaming indicator fed with every bar before <see cref="IStrategy.OnBar"/>; call from
    /// <see cref="IStrategy.Init"/> only. <paramref name="history"/> is how many past values the series keeps (≥ 2).
    /// </summary>
    IndicatorSeries Indicator(IStreamingIndicator stream, PriceSource source = PriceSource.Close, int output = 0, int history = 2);

    /// <summary>Places a buy order (market unless <paramref name="limit"/> or <paramref name="stop"/> is given; NaN = none).</summary>
    void Buy(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null);

    /// <summary>Places a sell order; see <see cref="Buy"/>.</summary>
    void Sell(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null);

    /// <summary>Closes <paramref name="portion"/> (0, 1] of every open trade, ahead of any queued order.</summary>
    void ClosePosition(double portion = 1);

    /// <summary>Closes <paramref name="portion"/> (0, 1] of open trade <paramref name="index"/>.</summary>
    void CloseTrade(int index, double portion = 1);

    /// <summary>Sets (or, with NaN, removes) the stop loss and take profit of open trade <paramref name="index"/>.</summary>
    void SetTradeStops(int index, double sl, double tp);
}
