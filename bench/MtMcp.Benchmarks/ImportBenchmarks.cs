using BenchmarkDotNet.Attributes;
using MtMcp.Data.Import;

namespace MtMcp.Benchmarks;

/// <summary>Parsing bar files held in memory (no disk): the importer's own throughput.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Bars = 1_000_000;
    private static readonly ImportOptions s_options = new() { Symbol = "EURUSD", Point = 0.00001 };
    private byte[] _genericCsv = [];
    private byte[] _mt5Export = [];

    [GlobalSetup]
    public void Setup()
    {
        _genericCsv = SyntheticSeries.GenericCsv(Bars);
        _mt5Export = SyntheticSeries.Mt5BarsExport(Bars);
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    [Headline("CSV import, generic OHLCV (bars/s)", HeadlineUnit.ItemsPerSecond, 2e6)]
    public int GenericCsv() => DataImporter.Import(_genericCsv, "EURUSD_bench.csv", s_options).Bars.Length;

    [Benchmark(OperationsPerInvoke = Bars)]
    [Headline("CSV import, MT5 Export bars (bars/s)", HeadlineUnit.ItemsPerSecond, 2e6)]
    public int Mt5Export() => DataImporter.Import(_mt5Export, "EURUSD_M1_bench.csv", s_options).Bars.Length;
}
