namespace MtMcp.Indicators;

/// <summary>
/// MetaTrader's ZigZag (depth 12, deviation 5 points, backstep 3) in a causal form. MetaTrader's ZigZag repaints:
/// its last leg moves as prices come in and its candidates are revised up to <c>backstep</c> bars back. Here each
/// bar reports what is settled at its close: the last confirmed swing point (<c>pivot</c>, where the current leg
/// started), the one before it (<c>previous_pivot</c>: the last complete swing runs from it to the pivot), and the
/// current leg's direction and its end so far (<c>extreme</c>, MetaTrader's moving last point). The swings are
/// computed on candidates that can no longer change, i.e. as of <c>backstep</c> bars ago, and are exactly the
/// points MetaTrader draws on the full history (see <see cref="ZigZagEngine"/>).
/// </summary>
public static class ZigZag
{
    /// <summary>The parameters shared with the indicators built on the ZigZag's swings.</summary>
    internal static IReadOnlyList<ParameterInfo> Parameters { get; } =
    [
        ParameterInfo.Integer("depth", 12, 2, 100_000, "Bars a swing high (low) must be the highest (lowest) of"),
        ParameterInfo.Real("deviation", 5, 0, 1e9, "MetaTrader's deviation in points: how near the window's extreme a bar must be to clear weaker candidates"),
        ParameterInfo.Integer("backstep", 3, 0, 100_000, "Bars back over which a new candidate erases weaker ones"),
        ParameterInfo.Real("point", 0.00001, 1e-12, 1e12, "Price of one point (the symbol's point; 0.00001 for 5-digit forex quotes)"),
    ];

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "zigzag", "ZigZag (MetaTrader, causal)", IndicatorGroup.Levels,
        [InputSeries.High, InputSeries.Low],
        Parameters,
        [
            new OutputInfo("direction", "+1 while the current leg runs up (from a low), −1 while it runs down", IsInteger: true),
            new OutputInfo("pivot", "Price of the last confirmed swing point, where the current leg started"),
            new OutputInfo("pivot_age", "Bars since the pivot", IsInteger: true),
            new OutputInfo("extreme", "The current leg's end so far (MetaTrader's last, still moving point), as of backstep bars ago"),
            new OutputInfo("extreme_age", "Bars since the extreme", IsInteger: true),
            new OutputInfo("previous_pivot", "Price of the confirmed swing point before the pivot"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.High, inputs.Low, p.Int(0), p.Real(1), p.Int(2), p.Real(3), outputs),
        p => new Stream(p.Int(0), p.Real(1), p.Int(2), p.Real(3)));

    /// <summary>Bars without a value at the start: <c>depth + backstep</c> (the first settled candidate).</summary>
    public static int Lookback(int depth, int backstep) => depth + backstep;

    /// <summary>
    /// Writes the six outputs (in <see cref="Info"/>'s order, output k at <c>outputs[k·n .. (k+1)·n)</c>) from the
    /// lookback on; NaN until the swings they describe exist.
    /// </summary>
    /// <param name="high">Highs.</param>
    /// <param name="low">Lows.</param>
    /// <param name="depth">Bars a swing high (low) must be the highest (lowest) of.</param>
    /// <param name="deviation">MetaTrader's deviation, in points.</param>
    /// <param name="backstep">Bars back over which a new candidate erases weaker ones.</param>
    /// <param name="point">Price of one point.</param>
    /// <param name="outputs">Six blocks of n values.</param>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, int depth, double deviation, int backstep, double point, Span<double> outputs)
    {
        var n = high.Length;
        var lookback = Lookback(depth, backstep);
        var engine = CreateEngine(depth, deviation, backstep, point, undoable: false);
        for (var i = 0; i < n; i++)
        {
            engine.Add(high[i], low[i]);
            if (i >= lookback)
            {
                for (var k = 0; k < 6; k++)
                {
                    outputs[(k * n) + i] = Output(engine, k);
                }
            }
        }
    }

    /// <summary>The engine for the ZigZag parameters (deviation in points); streams need it <paramref name="undoable"/>.</summary>
    internal static ZigZagEngine CreateEngine(int depth, double deviation, int backstep, double point, bool undoable) =>
        new(depth, deviation * point, backstep, undoable);

    private static double Output(ZigZagEngine engine, int output)
    {
        var bar = engine.Count - 1;
        return output switch
        {
            0 => engine.Direction == 0 ? double.NaN : engine.Direction,
            1 => engine.Pivot,
            2 => engine.PivotBar < 0 ? double.NaN : bar - engine.PivotBar,
            3 => engine.Extreme,
            4 => engine.ExtremeBar < 0 ? double.NaN : bar - engine.ExtremeBar,
            _ => engine.PreviousPivot,
        };
    }

    /// <summary>Streaming ZigZag: O(1) amortised per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly ZigZagEngine _engine;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
        public Stream(int depth, double deviation, int backstep, double point)
        {
            _engine = CreateEngine(depth, deviation, backstep, point, undoable: true);
            _lookback = Lookback(depth, backstep);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => ZigZag.Info;

        /// <inheritdoc />
        public int Count => _engine.Count;

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _engine.Add(bar.High, bar.Low);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _engine.UpdateLast(bar.High, bar.Low);

        /// <inheritdoc />
        public double Value(int output) => IsReady ? Output(_engine, output) : double.NaN;
    }
}
