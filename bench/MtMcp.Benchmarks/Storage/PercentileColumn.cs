using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MtMcp.Benchmarks;

/// <summary>
/// A percentile of the measured iterations (e.g. P99), in microseconds. With one invocation per iteration (as
/// <see cref="JournalBenchmarks"/> runs) it is the percentile of single operations: the tail latency.
/// </summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(PercentileColumn)}.P{percentile.ToString(CultureInfo.InvariantCulture)}";

    public string ColumnName => $"P{percentile.ToString(CultureInfo.InvariantCulture)}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"{percentile.ToString(CultureInfo.InvariantCulture)}th percentile of the iterations, outliers kept";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? string.Create(CultureInfo.InvariantCulture, $"{statistics.Percentiles.Percentile(percentile) / 1000:N1} μs")
            : "NA";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
