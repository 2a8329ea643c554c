namespace MtMcp.Indicators;

/// <summary>
/// Fibonacci retracement levels of the last confirmed swing of the causal <see cref="ZigZag"/>: the swing runs from
/// its start A (<c>previous_pivot</c>) to its end B (<c>pivot</c>), and level r is <c>B + r · (A − B)</c>, so 0 % is
/// the swing's end, 100 % its start, and the levels in between are how far the current leg has given the swing
/// back. NaN until the ZigZag has confirmed two swing points.
/// </summary>
public static class FibonacciRetracement
{
    private static readonly double[] s_ratios = [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1];

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "fibonacci_retracement", "Fibonacci Retracement of the last ZigZag swing", IndicatorGroup.Levels,
        [InputSeries.High, InputSeries.Low],
        ZigZag.Parameters,
        [
            new OutputInfo("level_0", "0 %: the swing's end (the ZigZag pivot)"),
            new OutputInfo("level_23_6", "23.6 % retracement"),
            new OutputInfo("level_38_2", "38.2 % retracement"),
            new OutputInfo("level_50", "50 % retracement"),
            new OutputInfo("level_61_8", "61.8 % retracement"),
            new OutputInfo("level_78_6", "78.6 % retracement"),
            new OutputInfo("level_100", "100 %: the swing's start (the ZigZag's previous pivot)"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.High, inputs.Low, p.Int(0), p.Real(1), p.Int(2), p.Real(3), outputs),
        p => new Stream(p.Int(0), p.Real(1), p.Int(2), p.Real(3)));

    /// <summary>The retracement ratios of the outputs, in order.</summary>
    public static IReadOnlyList<double> Ratios => s_ratios;

    /// <summary>Bars without a value at the start: the ZigZag's.</summary>
    public static int Lookback(int depth, int backstep) => ZigZag.Lookback(depth, backstep);

    /// <summary>
    /// Writes the seven levels (output k at <c>outputs[k·n .. (k+1)·n)</c>) from the lookback on; NaN until the
    /// first complete swing.
    /// </summary>
    /// <param name="high">Highs.</param>
    /// <param name="low">Lows.</param>
    /// <param name="depth">The ZigZag's depth.</param>
    /// <param name="deviation">The ZigZag's deviation, in points.</param>
    /// <param name="backstep">The ZigZag's backstep.</param>
    /// <param name="point">Price of one point.</param>
    /// <param name="outputs">Seven blocks of n values.</param>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, int depth, double deviation, int backstep, double point, Span<double> outputs)
    {
        var n = high.Length;
        var lookback = Lookback(depth, backstep);
        var engine = ZigZag.CreateEngine(depth, deviation, backstep, point, undoable: false);
        for (var i = 0; i < n; i++)
        {
            engine.Add(high[i], low[i]);
            if (i >= lookback)
            {
                for (var k = 0; k < s_ratios.Length; k++)
                {
                    outputs[(k * n) + i] = Level(engine, k);
                }
            }
        }
    }

    private static double Level(ZigZagEngine engine, int k)
    {
        var end = engine.Pivot;
        return end + (s_ratios[k] * (engine.PreviousPivot - end));
    }

    /// <summary>Streaming Fibonacci levels: O(1) amortised per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly ZigZagEngine _engine;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
        public Stream(int depth, double deviation, int backstep, double point)
        {
            _engine = ZigZag.CreateEngine(depth, deviation, backstep, point, undoable: true);
            _lookback = Lookback(depth, backstep);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => FibonacciRetracement.Info;

        /// <inheritdoc />
        public int Count => _engine.Count;

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _engine.Add(bar.High, bar.Low);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _engine.UpdateLast(bar.High, bar.Low);

        /// <inheritdoc />
        public double Value(int output) => IsReady ? Level(_engine, output) : double.NaN;
    }
}
