namespace MtMcp.Backtesting;

/// <summary>How a native backtest builds its price path (MT5 Strategy Tester modelling, reference/backtest-stats.md B.2).</summary>
public enum NativeModel
{
    /// <summary>One tick per bar, at its open.</summary>
    OpenPrices,

    /// <summary>Four ticks per bar: open, then low and high (bullish bar: low first; bearish: high first), then close.</summary>
    M1Ohlc,

    /// <summary>The recorded ticks as they are (bid and ask from the data).</summary>
    RealTicks,

    /// <summary>
    /// MT5's "every tick": ticks generated inside each bar from its OHLC and tick volume (<see cref="TickGenerator"/>),
    /// ask = bid + the bar's spread. Meant for M1 bars, as in MT5.
    /// </summary>
    GeneratedTicks,
}
