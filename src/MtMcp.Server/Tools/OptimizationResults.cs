using System.Text.Json;

namespace MtMcp.Server.Tools;

/// <summary>One searched parameter range.</summary>
internal sealed record ParameterRangeView(string Name, double Start, double Stop, double Step, int Values);

/// <summary>One row of an optimisation table.</summary>
internal sealed record OptimizationRow(
    int Rank, IReadOnlyDictionary<string, double> Parameters, double? Score, bool Feasible, Dictionary<string, JsonElement> Statistics);

/// <summary>One best pass re-run on the forward (held-out) bars.</summary>
internal sealed record ForwardRow(
    int Rank, IReadOnlyDictionary<string, double> Parameters, double? Score, bool Feasible, double? ForwardScore,
    Dictionary<string, JsonElement> Statistics, Dictionary<string, JsonElement> ForwardStatistics);

/// <summary>The forward part of an optimisation.</summary>
internal sealed record ForwardView(int InSampleBars, int ForwardBars, string From, IReadOnlyList<ForwardRow> Results);

/// <summary>The answer of <c>optimize_strategy</c>.</summary>
internal sealed record OptimizationAnswer(
    string Strategy, string Symbol, string Timeframe, string Source, int Bars, string From, string To, string Method, string Criterion,
    string Expression, bool Minimise, IReadOnlyList<ParameterRangeView> Ranges, long Combinations, int Passes, int Feasible, int Generations,
    IReadOnlyList<OptimizationRow> Results, ForwardView? Forward, MonteCarloView? MonteCarlo);

/// <summary>
/// The Monte Carlo of the best pass: its closed trades resampled <paramref name="Simulations"/> times; null in the answer
/// when it was not asked for or the best pass closed no trade.
/// </summary>
internal sealed record MonteCarloView(int Simulations, int Trades, int Seed, IReadOnlyList<MonteCarloBandView> Bands);

/// <summary>One percentile of the Monte Carlo: the final return and the maximum drawdown at that percentile, in %.</summary>
internal sealed record MonteCarloBandView(double Percentile, double? ReturnPct, double? MaxDrawdownPct);

/// <summary>One walk-forward window.</summary>
internal sealed record WalkForwardWindowView(
    int Window, string InSampleFrom, string InSampleTo, int InSampleBars, string OutOfSampleFrom, string OutOfSampleTo, int OutOfSampleBars,
    IReadOnlyDictionary<string, double> Parameters, bool Feasible, double? InSampleScore, double? Efficiency,
    Dictionary<string, JsonElement> InSample, Dictionary<string, JsonElement> OutOfSample);

/// <summary>The answer of <c>walk_forward</c>.</summary>
internal sealed record WalkForwardAnswer(
    string Strategy, string Symbol, string Timeframe, string Source, int Bars, string Method, string Criterion, string Expression, bool Minimise,
    IReadOnlyList<ParameterRangeView> Ranges, bool Anchored, IReadOnlyList<WalkForwardWindowView> Windows, double? OutOfSampleReturnPct,
    double? OutOfSampleNetProfit, int OutOfSampleTrades, double? Efficiency);
