using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>
/// MT5-style forward testing (reference/backtest-stats.md B.3): the last 1/2, 1/3 or 1/4 of the bars is held out, the
/// strategy is optimised on the rest, and the best passes are re-run on the held-out part only.
/// </summary>
public static class ForwardTest
{
    /// <summary>Runs the forward test with the last 1/<paramref name="divisor"/> of the bars held out, re-running the best <paramref name="top"/> passes.</summary>
    /// <exception cref="ArgumentException">A divisor other than 2, 3 or 4, top below 1, too few bars, or a pass the strategy refused.</exception>
    /// <exception cref="FormatException">The criterion or a constraint is not a valid expression.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ForwardTestResult Run(
        ReadOnlyMemory<Bar> bars, ParameterSpace space, IPassEvaluator evaluator, OptimizationOptions options, int divisor, int top,
        IProgress<OptimizationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(options);
        if (divisor is < 2 or > 4)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The forward part is 1/2, 1/3 or 1/4 of the bars, not 1/{divisor}."), nameof(divisor));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var forward = bars.Length / divisor;
        if (forward < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{bars.Length} bars are too few for a 1/{divisor} forward test."), nameof(bars));
        }

        var inSample = bars.Length - forward;
        var optimised = Optimizer.Run(bars[..inSample], space, evaluator, options, progress, cancellationToken);
        var criterion = options.Criterion.Bind(evaluator.Names);
        var rows = new ForwardTestRow[Math.Min(top, optimised.Passes.Count)];
        var held = bars[inSample..];
        Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var pass = optimised.Passes[i];
            var statistics = evaluator.Evaluate(held, space.Parameters([.. pass.Values]));
            rows[i] = new ForwardTestRow(pass, statistics, criterion.Evaluate(statistics));
        });
        return new ForwardTestResult(inSample, forward, optimised, rows);
    }
}
