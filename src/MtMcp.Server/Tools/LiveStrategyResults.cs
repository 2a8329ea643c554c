namespace MtMcp.Server.Tools;

// The JSON shapes of start_strategy, stop_strategy and get_strategy_status (snake_case on the wire).

/// <summary>A live strategy: what it runs, where, its state, positions, profit and recent orders.</summary>
/// <remarks><c>AccountUnavailable</c> says why a broker account's positions and profit could not be read now (they then show none).</remarks>
internal sealed record LiveStrategyView(
    string Id, string Strategy, string State, string Account, string Venue, string Symbol, string Timeframe, ulong Magic,
    IReadOnlyDictionary<string, double> Parameters, decimal? Lots, string StartedAt, string? StoppedAt, string? Error,
    int Bars, int OpenPositions, double FloatingProfit, decimal RealizedProfit, int Deals,
    IReadOnlyList<PositionInfo> Positions, IReadOnlyList<StrategySignalInfo> RecentSignals, string? AccountUnavailable);

/// <summary>One order a live strategy sent and the venue's (or the risk gate's) answer.</summary>
internal sealed record StrategySignalInfo(string Time, string Bar, string Action, decimal Volume, double Price, int Retcode, string RetcodeName, string Message);

/// <summary>The answer of <c>get_strategy_status</c>.</summary>
internal sealed record LiveStrategyList(int Count, IReadOnlyList<LiveStrategyView> Strategies);
