using MtMcp.Backtesting;
using MtMcp.Domain;

namespace MtMcp.Server.Tools;

/// <summary><c>run_backtest</c>'s arguments, checked, before the bars are read.</summary>
internal sealed record BacktestRequest(
    ResolvedStrategy Strategy, bool Native, SymbolSpec Spec, Timeframe Timeframe, DateTimeOffset? Start, DateTimeOffset? End, int Count, StrategyParameters Values)
{
    /// <summary>How answers name the strategy.</summary>
    public string Reference => Strategy.Reference;
}
