namespace MtMcp.Indicators;

/// <summary>What a linear-regression function reports from the line fitted over its window.</summary>
internal interface IRegressionOutput
{
    /// <summary>
    /// The output for the line <c>y = intercept + slope·t</c>, where t = 0 at the oldest bar of the window and
    /// t = period − 1 at the newest.
    /// </summary>
    static abstract double Of(double slope, double intercept, int period);
}

/// <summary>
/// Least-squares line over the last <c>period</c> values, shared by LINEARREG, LINEARREG_SLOPE,
/// LINEARREG_INTERCEPT, LINEARREG_ANGLE and TSF. TA-Lib recomputes ΣY and ΣXY over the whole window on every
/// bar (O(period)); here they slide in O(1) and are recomputed exactly, in TA-Lib's order, once every
/// <c>period</c> bars, which keeps the drift of the sliding sums to a few ulps and the cost amortised O(1).
/// </summary>
internal static class LinearRegression
{
    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Metadata of a linear-regression function of <see cref="InputSeries.Real0"/>.</summary>
    public static IndicatorInfo Info(string name, string title, string output) => new(
        name, title, IndicatorGroup.StatisticFunctions, [InputSeries.Real0], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", output)]);

    /// <summary>The registry entry of the linear-regression function reporting <typeparamref name="TOutput"/>.</summary>
    public static Indicator Entry<TOutput>(IndicatorInfo info)
        where TOutput : IRegressionOutput =>
        new(
            info,
            p => Lookback(p.Int(0)),
            (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute<TOutput>(inputs.Real0, p.Int(0), outputs),
            p => new Stream<TOutput>(info, p.Int(0)));

    /// <summary>Writes <typeparamref name="TOutput"/> of the line fitted over each window from index <c>period − 1</c> on.</summary>
    public static void Compute<TOutput>(ReadOnlySpan<double> real, int period, Span<double> output)
        where TOutput : IRegressionOutput
    {
        var line = new Shape(period);
        var sums = default(Sums);
        for (var today = period - 1; today < real.Length; today++)
        {
            var first = today - period + 1;
            sums = IsAnchor(first, period) ? Sums.Of(real.Slice(first, period)) : sums.Slide(real[first - 1], real[today], period);
            output[today] = line.Output<TOutput>(sums);
        }
    }

    // Windows starting at multiples of the period get exact sums; the batch and the stream agree on which.
    private static bool IsAnchor(int first, int period) => first % period == 0;

    /// <summary>ΣY and ΣXY of a window, X being a value's age in bars (0 for the newest), as TA-Lib weighs them.</summary>
    internal readonly record struct Sums(double SumY, double SumXY)
    {
        /// <summary>The exact sums of <paramref name="window"/> (oldest first), added in TA-Lib's order.</summary>
        public static Sums Of(ReadOnlySpan<double> window)
        {
            var sumY = 0.0;
            var sumXY = 0.0;
            for (var k = 0; k < window.Length; k++)
            {
                var y = window[k];
                sumY += y;
                sumXY += (double)(window.Length - 1 - k) * y;
            }

            return new Sums(sumY, sumXY);
        }

        /// <summary>The sums one bar later: <paramref name="dropped"/> (age period − 1) leaves, <paramref name="added"/> enters at age 0, every other value ages by one.</summary>
        public Sums Slide(double dropped, double added, int period) =>
            new(SumY - dropped + added, SumXY + SumY - (period * dropped));
    }

    /// <summary>The parts of the least-squares formulas that depend only on the period.</summary>
    private readonly struct Shape
    {
        private readonly int _period;
        private readonly double _sumX;
        private readonly double _divisor;

        public Shape(int period)
        {
            _period = period;
            _sumX = (double)period * (period - 1) * 0.5;

            // Whole in exact integer arithmetic; TA-Lib's 32-bit int overflows here beyond a period of 1024.
            var sumXSquared = (double)((long)period * (period - 1) * ((2 * period) - 1) / 6);
            _divisor = (_sumX * _sumX) - (period * sumXSquared);
        }

        public double Output<TOutput>(Sums sums)
            where TOutput : IRegressionOutput
        {
            // X is the age, so the divisor is negated and the slope comes out per bar forward in time.
            var slope = ((_period * sums.SumXY) - (_sumX * sums.SumY)) / _divisor;
            var intercept = (sums.SumY - (slope * _sumX)) / _period;
            return TOutput.Of(slope, intercept, _period);
        }
    }

    /// <summary>The stream of a linear-regression function: the same sums, slid and anchored at the same bars as the batch.</summary>
    internal sealed class Stream<TOutput> : IStreamingIndicator
        where TOutput : IRegressionOutput
    {
        private readonly Shape _line;
        private readonly SlidingWindow _window;
        private Sums _sums;
        private Sums _sumsBefore;
        private double _value = double.NaN;

        public Stream(IndicatorInfo info, int period)
        {
            Info = info;
            _line = new Shape(period);
            _window = new SlidingWindow(period);
        }

        public IndicatorInfo Info { get; }

        public int Count { get; private set; }

        public bool IsReady => _window.IsFull;

        public void Add(in StreamBar bar)
        {
            _sumsBefore = _sums;
            Count++;
            Step(bar.Real0);
        }

        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _sums = _sumsBefore;
            _window.UndoPush();
            Step(bar.Real0);
        }

        public double Value(int output) => _value;

        private void Step(double x)
        {
            var dropped = _window.Push(x);
            if (!_window.IsFull)
            {
                return;
            }

            var period = _window.Capacity;
            var first = Count - period;
            _sums = IsAnchor(first, period) ? Sums.Of(_window.Values) : _sums.Slide(dropped, x, period);
            _value = _line.Output<TOutput>(_sums);
        }
    }
}
