namespace MtMcp.Indicators;

/// <summary>
/// Bill Williams' fractals (MetaTrader iFractals): an up fractal is a bar whose high is above the highs of the two
/// bars after it and not below those of the two bars before it; a down fractal mirrors it with lows. A fractal is
/// known only when the second bar after it closes, so it is reported at that confirming bar (two bars after the
/// fractal bar, where MetaTrader draws it): nothing looks ahead, and batch and stream agree.
/// </summary>
public static class Fractals
{
    private const int Strength = 2;
    private const int WindowLength = (2 * Strength) + 1;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "fractals", "Fractals (Bill Williams)", IndicatorGroup.BillWilliams,
        [InputSeries.High, InputSeries.Low],
        [],
        [
            new OutputInfo("up", "High of an up fractal confirmed at this bar (the fractal is 2 bars back), NaN otherwise"),
            new OutputInfo("down", "Low of a down fractal confirmed at this bar (the fractal is 2 bars back), NaN otherwise"),
            new OutputInfo("last_up", "High of the latest confirmed up fractal"),
            new OutputInfo("last_down", "Low of the latest confirmed down fractal"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..(3 * n)], outputs[(3 * n)..]);
        },
        _ => new Stream());

    /// <summary>Bars without a value at the start: 4 (a fractal needs two bars on each side).</summary>
    public static int Lookback() => WindowLength - 1;

    /// <summary>
    /// Writes the fractals confirmed at each bar into <paramref name="up"/> and <paramref name="down"/> (NaN where
    /// none), and the latest confirmed ones into <paramref name="lastUp"/> and <paramref name="lastDown"/>, from the
    /// lookback on.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        Span<double> up, Span<double> down, Span<double> lastUp, Span<double> lastDown)
    {
        var latestUp = double.NaN;
        var latestDown = double.NaN;
        for (var i = Lookback(); i < high.Length; i++)
        {
            var first = i - WindowLength + 1;
            up[i] = UpAt(high.Slice(first, WindowLength));
            down[i] = DownAt(low.Slice(first, WindowLength));
            latestUp = double.IsNaN(up[i]) ? latestUp : up[i];
            latestDown = double.IsNaN(down[i]) ? latestDown : down[i];
            lastUp[i] = latestUp;
            lastDown[i] = latestDown;
        }
    }

    private static double UpAt(ReadOnlySpan<double> highs) => SwingPoints.IsHigh(highs) ? highs[Strength] : double.NaN;

    private static double DownAt(ReadOnlySpan<double> lows) => SwingPoints.IsLow(lows) ? lows[Strength] : double.NaN;

    /// <summary>Streaming fractals: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly SlidingWindow _highs = new(WindowLength);
        private readonly SlidingWindow _lows = new(WindowLength);
        private double _up = double.NaN;
        private double _down = double.NaN;
        private double _lastUp = double.NaN;
        private double _lastDown = double.NaN;
        private double _lastUpBefore = double.NaN;
        private double _lastDownBefore = double.NaN;

        /// <inheritdoc />
        public IndicatorInfo Info => Fractals.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > Lookback();

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _lastUpBefore = _lastUp;
            _lastDownBefore = _lastDown;
            Step(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _highs.UndoPush();
            _lows.UndoPush();
            _lastUp = _lastUpBefore;
            _lastDown = _lastDownBefore;
            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => output switch
        {
            0 => _up,
            1 => _down,
            2 => _lastUp,
            _ => _lastDown,
        };

        private void Step(in StreamBar bar)
        {
            _highs.Push(bar.High);
            _lows.Push(bar.Low);
            if (!_highs.IsFull)
            {
                return;
            }

            _up = UpAt(_highs.Values);
            _down = DownAt(_lows.Values);
            _lastUp = double.IsNaN(_up) ? _lastUp : _up;
            _lastDown = double.IsNaN(_down) ? _lastDown : _down;
        }
    }
}
