using MtMcp.Engine;

namespace MtMcp.Backtesting;

/// <summary>Settings of a native (MT5-semantics) backtest on the simulated venue.</summary>
public sealed record NativeOptions
{
    /// <summary>The symbol traded; must be in <see cref="Catalog"/>.</summary>
    public string Symbol { get; init; } = "EURUSD";

    /// <summary>The symbol specifications (contract size, volume step, margin, swaps).</summary>
    public SymbolCatalog Catalog { get; init; } = SymbolCatalog.BuiltIn;

    /// <summary>Starting balance in <see cref="Currency"/>.</summary>
    public decimal Deposit { get; init; } = 10_000m;

    /// <summary>Account currency.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Account leverage (1:N).</summary>
    public int Leverage { get; init; } = 100;

    /// <summary>Hedging account (one position per order) instead of netting.</summary>
    public bool Hedging { get; init; }

    /// <summary>Commission per deal.</summary>
    public CommissionSchedule Commission { get; init; } = CommissionSchedule.None;

    /// <summary>Spread in points for bar models: 0 takes each bar's own <see cref="Bar.Spread"/>.</summary>
    public int SpreadPoints { get; init; }

    /// <summary>
    /// Whether to keep the equity after every bar in <see cref="NativeResult.Equity"/> (8 bytes a bar). Off, the run's
    /// memory does not grow with the number of bars streamed; the report's equity drawdown is measured either way.
    /// </summary>
    public bool EquityCurve { get; init; } = true;
}
