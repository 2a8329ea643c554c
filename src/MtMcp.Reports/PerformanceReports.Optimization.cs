using System.Globalization;
using MtMcp.Backtesting;

namespace MtMcp.Reports;

/// <summary>The optimisation report: the passes table, with the charts of the best pass when its run is given.</summary>
public static partial class PerformanceReports
{
    /// <summary>
    /// The report of an optimisation: a table with one row per pass (best first; parameter values, the criterion's score,
    /// 1/0 for feasible, then every statistic of the pass), and, when <paramref name="best"/> is given (the report of the best
    /// pass re-run in full, e.g. with <see cref="FromBacktest"/>), that run's curve, returns, trades and charts.
    /// </summary>
    /// <param name="result">The optimisation.</param>
    /// <param name="strategy">Strategy name for the heading.</param>
    /// <param name="subtitle">Line under the heading (symbol, timeframe, period).</param>
    /// <param name="best">The best pass's own report, or null for the table alone.</param>
    public static PerformanceReport FromOptimization(OptimizationResult result, string strategy, string subtitle = "", PerformanceReport? best = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ranges = result.Space.Ranges;
        var names = result.Passes.Count > 0 ? result.Passes[0].Statistics.Names.All : [];
        var columns = new List<string>(ranges.Count + 2 + names.Count);
        foreach (var range in ranges)
        {
            columns.Add(range.Name);
        }

        columns.Add("score");
        columns.Add("feasible");
        columns.AddRange(names);
        var rows = new List<IReadOnlyList<double?>>(result.Passes.Count);
        foreach (var pass in result.Passes)
        {
            var row = new double?[columns.Count];
            for (var i = 0; i < pass.Values.Count; i++)
            {
                row[i] = pass.Values[i];
            }

            row[ranges.Count] = Finite(pass.Score);
            row[ranges.Count + 1] = pass.Feasible ? 1 : 0;
            var values = pass.Statistics.Values;
            for (var i = 0; i < values.Length; i++)
            {
                row[ranges.Count + 2 + i] = Finite(values[i]);
            }

            rows.Add(row);
        }

        var summary = new List<ReportFigure>
        {
            ReportFigure.Of("method", "Method", result.Method.ToString().ToLowerInvariant()),
            ReportFigure.Of("criterion", "Criterion", result.Criterion.Name),
            ReportFigure.Of("passes", "Passes", result.Passes.Count),
            ReportFigure.Of("feasible_passes", "Feasible passes", result.FeasibleCount),
            ReportFigure.Of("generations", "Generations", result.Generations),
        };
        if (result.Best is { } top)
        {
            summary.Add(ReportFigure.Of("best_score", "Best score", top.Score));
            summary.Add(ReportFigure.Of("best_parameters", "Best parameters", string.Join(' ', ranges.Select((r, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{r.Name}={top.Values[i]}")))));
        }

        var notes = new List<string>
        {
            "One row per pass, best first (feasible passes by the criterion, then the passes that failed a constraint); feasible is 1 or 0.",
        };
        if (best is not null)
        {
            notes.Add("Charts, returns and trades are those of the best pass, re-run in full.");
            notes.AddRange(best.Notes);
            summary.AddRange(best.Summary);
        }

        return new PerformanceReport
        {
            Kind = ReportKind.Optimization,
            Title = strategy,
            Subtitle = subtitle,
            Currency = best?.Currency,
            Notes = notes,
            Summary = summary,
            Curve = best?.Curve ?? EquityCurve.Empty,
            MonthlyReturns = best?.MonthlyReturns ?? [],
            YearlyReturns = best?.YearlyReturns ?? [],
            Histogram = best?.Histogram ?? TradeHistogram.Empty,
            Trades = best?.Trades ?? [],
            Prices = best?.Prices,
            Table = new ReportTable("Optimisation passes", columns, rows),
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
