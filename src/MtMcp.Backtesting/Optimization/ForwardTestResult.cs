namespace MtMcp.Backtesting;

/// <summary>The outcome of a forward test.</summary>
/// <param name="InSampleBars">Bars optimised on (the first part).</param>
/// <param name="ForwardBars">Bars held out (the last part).</param>
/// <param name="Optimization">The optimisation on the in-sample bars.</param>
/// <param name="Rows">The best passes re-run forward, in their in-sample rank order.</param>
public sealed record ForwardTestResult(int InSampleBars, int ForwardBars, OptimizationResult Optimization, IReadOnlyList<ForwardTestRow> Rows);
