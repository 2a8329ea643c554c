using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MtMcp.Benchmarks;

// `--quick` runs a short job (fewer iterations) for a fast look; the figures in docs/performance.md
// come from the default job. Other arguments go to BenchmarkDotNet (e.g. --filter *Store*).
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary);
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithId("quick"));
}

if (!rest.Any(a => a.StartsWith("--filter", StringComparison.Ordinal)))
{
    rest = [.. rest, "--filter", "*"];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(HeadlineAttribute).Assembly).Run(rest, config).ToList();
Headlines.Print(summaries, Console.Out);
Headlines.PrintComparisons(summaries, Console.Out);

/// <summary>Prints the headline figures of a run next to their targets.</summary>
internal static class Headlines
{
    public static void Print(IEnumerable<Summary> summaries, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Headline figures");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"benchmark",-44} {"result",18} {"target",18}  met"));
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod;
            if (method.GetCustomAttribute<HeadlineAttribute>() is not { } headline || report.ResultStatistics is null)
            {
                continue;
            }

            var parameters = report.BenchmarkCase.Parameters.PrintInfo;
            if (headline.Case is { } only && !only.Split('&').All(parameters.Split('&').Contains))
            {
                continue;
            }

            var meanNs = report.ResultStatistics.Mean;
            var name = parameters.Length > 0 ? $"{headline.Name} ({parameters})" : headline.Name;
            var (value, target, met) = headline.Unit switch
            {
                HeadlineUnit.ItemsPerSecond => (Rate(1e9 / meanNs), ">= " + Rate(headline.Target), 1e9 / meanNs >= headline.Target),
                _ => ($"{meanNs / 1e6:0.00} ms", $"< {headline.Target:0.##} ms", meanNs / 1e6 < headline.Target),
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {value,18} {target,18}  {(met ? "yes" : "NO")}"));
        }
    }

    /// <summary>Benchmarks with a baseline (ours vs TA-Lib): per parameter set, both times and their ratio.</summary>
    public static void PrintComparisons(IEnumerable<Summary> summaries, TextWriter output)
    {
        var pairs = summaries.SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.Type == typeof(IndicatorBenchmarks))
            .GroupBy(r => r.BenchmarkCase.Parameters.PrintInfo)
            .ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Indicators, 1 M bars: ours vs TA-Lib C (ns per bar; ratio < 1 means faster than TA-Lib)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"indicator",-24} {"ours",10} {"TA-Lib",10} {"ratio",7}"));
        foreach (var pair in pairs)
        {
            var ours = pair.FirstOrDefault(r => !r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Mean;
            var taLib = pair.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Mean;
            if (ours is null || taLib is null)
            {
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Key,-24} {ours,10:0.00} {taLib,10:0.00} {ours / taLib,7:0.00}"));
        }
    }

    private static string Rate(double perSecond) => perSecond switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.0} M/s"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:0.0} k/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond:0} /s"),
    };
}
