using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>
/// Walk-forward analysis: for each window, optimise on the in-sample bars, then run the best set on the following
/// out-of-sample bars. Each run sees only its own bars (the out-of-sample run starts cold: its indicators warm up inside
/// the window), so no out-of-sample result depends on in-sample data beyond the choice of parameters.
/// </summary>
/// <remarks>Progress counts passes over all windows; cancellation behaves as in <see cref="Optimizer"/>.</remarks>
public static class WalkForward
{
    /// <summary>
    /// The windows over <paramref name="bars"/> bars: window k's out-of-sample part is
    /// <c>[IS + k·OOS, IS + (k+1)·OOS)</c>; its in-sample part is the <paramref name="inSample"/> bars before it (rolling) or
    /// every bar before it (anchored). Only whole windows are made; bars after the last one are left out.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths are not positive or do not fit one window in the range.</exception>
    public static IReadOnlyList<WalkForwardWindow> Windows(int bars, int inSample, int outOfSample, bool anchored)
    {
        if (inSample < 2 || outOfSample < 2 || (long)inSample + outOfSample > bars)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Walk-forward needs in-sample and out-of-sample parts of at least 2 bars that fit in the {bars} bars: got {inSample} + {outOfSample}."));
        }

        var windows = new List<WalkForwardWindow>();
        for (var k = 0; inSample + ((long)(k + 1) * outOfSample) <= bars; k++)
        {
            var oosStart = inSample + (k * outOfSample);
            var isStart = anchored ? 0 : k * outOfSample;
            windows.Add(new WalkForwardWindow(k, isStart, oosStart - isStart, oosStart, outOfSample));
        }

        return windows;
    }

    /// <summary>
    /// The part lengths for <paramref name="windows"/> rolling windows over <paramref name="bars"/> bars with in-sample =
    /// <paramref name="ratio"/> × out-of-sample: out-of-sample = ⌊bars / (windows + ratio)⌋.
    /// </summary>
    /// <exception cref="ArgumentException">Too few bars for that many windows.</exception>
    public static (int InSample, int OutOfSample) Lengths(int bars, int windows, int ratio)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ratio, 1);
        var oos = bars / (windows + ratio);
        return oos < 2
            ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{bars} bars are too few for {windows} walk-forward windows (each out-of-sample part needs at least 2 bars)."))
            : (ratio * oos, oos);
    }

    /// <summary>Runs the analysis.</summary>
    /// <exception cref="ArgumentException">Windows that do not fit, or a pass the strategy refused.</exception>
    /// <exception cref="FormatException">The criterion or a constraint is not a valid expression.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static WalkForwardResult Run(
        ReadOnlyMemory<Bar> bars, ParameterSpace space, IPassEvaluator evaluator, WalkForwardOptions options,
        IProgress<OptimizationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(options);
        var (inSample, outOfSample) = options.InSampleBars > 0 || options.OutOfSampleBars > 0
            ? (options.InSampleBars, options.OutOfSampleBars)
            : Lengths(bars.Length, options.Windows, options.InSampleRatio);
        var windows = Windows(bars.Length, inSample, outOfSample, options.Anchored);
        var perWindow = Math.Min(space.Count, options.Optimization.MaxPasses);
        var results = new List<WalkForwardWindowResult>(windows.Count);
        double growth = 1, net = 0, isRate = 0, oosRate = 0;
        var trades = 0;
        foreach (var w in windows)
        {
            var offset = (int)(w.Index * perWindow);
            var windowProgress = progress is null ? null : new Offset(progress, offset, perWindow * windows.Count);
            var optimised = Optimizer.Run(bars.Slice(w.InSampleStart, w.InSampleCount), space, evaluator, options.Optimization, windowProgress, cancellationToken);
            var best = optimised.Passes[0];
            cancellationToken.ThrowIfCancellationRequested();
            var oos = evaluator.Evaluate(bars.Slice(w.OutOfSampleStart, w.OutOfSampleCount), space.Parameters([.. best.Values]));
            var efficiency = Rate(oos) / Rate(best.Statistics);
            results.Add(new WalkForwardWindowResult(w, best, oos, Rate(best.Statistics) > 0 ? efficiency : double.NaN));
            growth *= 1 + (oos.ReturnPct / 100);
            net += oos.NetProfit;
            trades += oos.Trades;
            isRate += Rate(best.Statistics);
            oosRate += Rate(oos);
        }

        return new WalkForwardResult(results, (growth - 1) * 100, net, trades, isRate > 0 ? oosRate / isRate : double.NaN);
    }

    /// <summary>Return per day, %: comparable between parts of different lengths.</summary>
    private static double Rate(PassStatistics s) => s.DurationDays > 0 ? s.ReturnPct / s.DurationDays : double.NaN;

    /// <summary>Shifts a window's pass counts so progress runs once from 0 to the total over all windows.</summary>
    private sealed class Offset(IProgress<OptimizationProgress> inner, int offset, long total) : IProgress<OptimizationProgress>
    {
        public void Report(OptimizationProgress value) => inner.Report(new OptimizationProgress(offset + value.Completed, total));
    }
}
