using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Server.Tools;

/// <summary><c>run_backtest</c>'s arguments, checked, before the bars are read.</summary>
internal sealed record BacktestRequest(
    string Reference, StrategyDocument Document, bool Native, SymbolSpec Spec, Timeframe Timeframe, DateTimeOffset? Start, DateTimeOffset? End, int Count, StrategyParameters Values);
