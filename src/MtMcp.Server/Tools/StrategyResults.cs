using System.Text.Json;

namespace MtMcp.Server.Tools;

// The JSON shapes of the strategy tools (snake_case on the wire).

/// <summary>A declared strategy parameter.</summary>
internal sealed record StrategyParameterView(string Name, double Default, double Min, double Max, double Step, string? Description);

/// <summary>One strategy of <c>list_strategies</c>.</summary>
internal sealed record StrategyView(string Reference, string Name, string? Description, IReadOnlyList<string> Symbols, string? Timeframe, IReadOnlyList<StrategyParameterView> Parameters);

/// <summary>The answer of <c>list_strategies</c>.</summary>
internal sealed record StrategyList(int Count, IReadOnlyList<StrategyView> Strategies);

/// <summary>A problem in a strategy document, at its line and column (1-based).</summary>
internal sealed record StrategyDiagnosticView(string Field, int Line, int Column, string Message, string? Hint);

/// <summary>The answer of <c>validate_strategy</c>: valid, or every problem with its position.</summary>
internal sealed record StrategyValidation(bool Valid, StrategyView? Strategy, int ErrorCount, IReadOnlyList<StrategyDiagnosticView> Errors);

/// <summary>A closed (or, without finalising, open) trade of a backtesting.py-compatible run.</summary>
internal sealed record BacktestTrade(
    double Size, string EntryTime, string? ExitTime, double EntryPrice, double? ExitPrice, double? StopLoss, double? TakeProfit, double Profit,
    double ReturnPct, double Commission, string? Tag, bool Open);

/// <summary>The answer of <c>run_backtest</c>.</summary>
internal sealed record BacktestAnswer(
    string Strategy, string Mode, string? Model, string Symbol, string Timeframe, string Source, int Bars, string From, string To,
    IReadOnlyDictionary<string, double> Parameters, Dictionary<string, JsonElement> Statistics, int TradesTotal, int TradesOffset,
    IReadOnlyList<BacktestTrade> Trades, IReadOnlyList<DealInfo> Deals, int? NextTradesOffset);
