namespace MtMcp.Backtesting.Tests.Optimization;

/// <summary>
/// The evaluator's cheap pass (pooled equity buffer, shared bar-only statistics) against a full <see cref="CompatBacktest.Run"/>
/// of the same strategy: every statistic must have the same bits.
/// </summary>
public sealed class CompatPassEvaluatorTests
{
    private static readonly CompatOptions s_plain = new() { Cash = 10_000 };
    private static readonly CompatOptions s_costly = new() { Cash = 100_000, Spread = 0.0002, CommissionRelative = 0.001, Margin = 0.1, TradeOnClose = true };

    public static TheoryData<string, int, int, bool> Passes => new()
    {
        { "goog", 5, 20, false },
        { "goog", 10, 30, true },
        { "goog", 3, 60, false },
        { "eurusd", 5, 20, false },
        { "eurusd", 12, 50, true },
        { "eurusd", 2, 170, true },
    };

    private static Bar[] Data(string name) => name == "goog" ? TestData.Goog : TestData.EurUsd;

    private static StrategyParameters Parameters(int fast, int slow) => new StrategyParameters().Set("fast", fast).Set("slow", slow);

    private static void AssertSameBits(PassStatistics expected, PassStatistics actual)
    {
        Assert.Equal(expected.Names.Count, actual.Names.Count);
        for (var i = 0; i < expected.Values.Length; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected.Values[i]) == BitConverter.DoubleToInt64Bits(actual.Values[i]),
                $"{expected.Names.All[i]}: full run {expected.Values[i]:R}, pass {actual.Values[i]:R}.");
        }
    }

    [Theory]
    [MemberData(nameof(Passes))]
    public void Evaluate_SamplePass_EqualsTheFullRunBitForBit(string data, int fast, int slow, bool costly)
    {
        var bars = Data(data);
        var options = costly ? s_costly : s_plain;
        var evaluator = new CompatPassEvaluator(static () => new SmaCross(), options);
        var full = CompatBacktest.Run(bars, new SmaCross(), Parameters(fast, slow), options);

        var pass = evaluator.Evaluate(bars, Parameters(fast, slow));

        Assert.True(full.Statistics.Trades > 0, "The sample pass must trade to test the trade statistics.");
        AssertSameBits(CompatPassEvaluator.Statistics(full, options.Cash), pass);
    }

    [Fact]
    public void Evaluate_AlternatingWindows_EachWindowMatchesItsFullRun()
    {
        // Walk-forward evaluates one evaluator on several windows of one array: the cached bar statistics must follow the window.
        var bars = TestData.EurUsd;
        var evaluator = new CompatPassEvaluator(static () => new SmaCross(), s_plain);
        ReadOnlyMemory<Bar>[] windows = [bars.AsMemory(0, 2000), bars.AsMemory(1000, 2000), bars.AsMemory(0, 2000), bars];

        foreach (var window in windows)
        {
            var full = CompatBacktest.Run(window, new SmaCross(), Parameters(10, 40), s_plain);

            var pass = evaluator.Evaluate(window, Parameters(10, 40));

            AssertSameBits(CompatPassEvaluator.Statistics(full, s_plain.Cash), pass);
        }
    }

    [Fact]
    public void Evaluate_ParallelPasses_EqualSequentialFullRuns()
    {
        var bars = TestData.EurUsd;
        var evaluator = new CompatPassEvaluator(static () => new SmaCross(), s_plain);
        var parameters = new StrategyParameters[12];
        for (var k = 0; k < parameters.Length; k++)
        {
            parameters[k] = Parameters(3 + k, 30 + (5 * k));
        }

        var passes = new PassStatistics[parameters.Length];
        Parallel.For(0, parameters.Length, k => passes[k] = evaluator.Evaluate(bars, parameters[k]));

        for (var k = 0; k < parameters.Length; k++)
        {
            var full = CompatBacktest.Run(bars, new SmaCross(), parameters[k], s_plain);
            AssertSameBits(CompatPassEvaluator.Statistics(full, s_plain.Cash), passes[k]);
        }
    }

    [Fact]
    public void Evaluate_NoBars_ThrowsWithTheReason()
    {
        var evaluator = new CompatPassEvaluator(static () => new SmaCross(), s_plain);

        var error = Assert.Throws<ArgumentException>(() => evaluator.Evaluate(ReadOnlyMemory<Bar>.Empty, Parameters(5, 20)));

        Assert.Contains("No bars", error.Message, StringComparison.Ordinal);
    }
}
