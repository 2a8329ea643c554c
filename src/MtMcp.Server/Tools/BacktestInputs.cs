using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// A backtest request resolved from <c>run_backtest</c>'s arguments (shared by <c>performance_report</c>): the strategy, the
/// symbol's bars and the parameter values.
/// </summary>
internal sealed record BacktestInputs(
    ResolvedStrategy Strategy, bool Native, SymbolSpec Spec, Timeframe Timeframe, HistorySource Source, Bar[] Data, StrategyParameters Values)
{
    /// <summary>How answers name the strategy.</summary>
    public string Reference => Strategy.Reference;
}
