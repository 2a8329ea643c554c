using MtMcp.Engine;

namespace MtMcp.Backtesting;

/// <summary>The outcome of a native backtest: the engine's deal ledger, equity per bar and the MT5 tester report.</summary>
/// <param name="Model">The modelling mode.</param>
/// <param name="Ticks">Quotes fed to the venue.</param>
/// <param name="Bars">Bars the strategy saw.</param>
/// <param name="Inputs">Input rows (bars or ticks).</param>
/// <param name="InitialDeposit">Starting balance.</param>
/// <param name="FinalBalance">Balance after the end-of-test close.</param>
/// <param name="Deals">Every deal in ticket order (the deposit first).</param>
/// <param name="Equity">Equity after each bar (the last after the end-of-test close).</param>
/// <param name="Rejections">Requests the engine refused (e.g. not enough margin), in order.</param>
/// <param name="Report">The MT5 Strategy Tester report fields.</param>
public sealed record NativeResult(
    NativeModel Model,
    long Ticks,
    int Bars,
    long Inputs,
    decimal InitialDeposit,
    decimal FinalBalance,
    IReadOnlyList<Deal> Deals,
    IReadOnlyList<double> Equity,
    IReadOnlyList<TradeResult> Rejections,
    Mt5Report Report);
