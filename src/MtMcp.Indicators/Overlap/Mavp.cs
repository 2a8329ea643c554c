using System.Buffers;
using System.Globalization;

namespace MtMcp.Indicators;

/// <summary>
/// Moving average with a variable period (TA-Lib MAVP): at each bar, the moving average of <c>ma_type</c>
/// over the period given by the second series (truncated to a whole number and clamped to
/// <c>min_period</c>…<c>max_period</c>).
/// </summary>
/// <remarks>
/// As in TA-Lib, the moving average of every period starts where its own warm-up ends on the warm-up of
/// <c>max_period</c>, so for recursive types (EMA, DEMA, ...) a short period is seeded late, not from bar 0.
/// </remarks>
public static class Mavp
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "mavp", "Moving Average with Variable Period", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0, InputSeries.Real1],
        [
            ParameterInfo.Integer("min_period", 2, 2, 100_000, "Smallest period; shorter requested periods use it", "min"),
            ParameterInfo.Integer("max_period", 30, 2, 100_000, "Largest period; longer requested periods use it", "max"),
            ParameterInfo.MovingAverage("ma_type", MaType.Sma, "Type of moving average", "type"),
        ],
        [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Ma(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.Real0, inputs.Real1, p.Int(0), p.Int(1), p.Ma(2), outputs),
        p => new Stream(p.Int(0), p.Int(1), p.Ma(2)));

    /// <summary>Bars without a value at the start: the lookback of <paramref name="maType"/> over <paramref name="maxPeriod"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is outside 2…100000, or <paramref name="maType"/> is not an <see cref="MaType"/>.</exception>
    /// <exception cref="IndicatorException"><paramref name="minPeriod"/> is above <paramref name="maxPeriod"/>.</exception>
    public static int Lookback(int minPeriod, int maxPeriod, MaType maType)
    {
        CheckPeriods(minPeriod, maxPeriod);
        return MovingAverage.Lookback(maType, maxPeriod);
    }

    /// <summary>
    /// Writes the variable-period moving average of <paramref name="real"/> into <paramref name="output"/> from
    /// <see cref="Lookback"/> on, bar <c>i</c> using the period <paramref name="periods"/>[i]; earlier entries are
    /// left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is outside 2…100000, or <paramref name="maType"/> is not an <see cref="MaType"/>.</exception>
    /// <exception cref="IndicatorException"><paramref name="minPeriod"/> is above <paramref name="maxPeriod"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="periods"/> differs in length from <paramref name="real"/>, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(
        ReadOnlySpan<double> real, ReadOnlySpan<double> periods, int minPeriod, int maxPeriod, MaType maType, Span<double> output)
    {
        Guard.SameLength(real.Length, periods);
        Guard.Output(real.Length, output);

        var lookback = Lookback(minPeriod, maxPeriod, maType);
        if (real.Length <= lookback)
        {
            return;
        }

        // As TA-Lib: one full moving average per distinct period in use, copied to the bars using it. The bars
        // are first grouped by period (a counting sort), so the copying is O(n) whatever the number of periods.
        // MAMA ignores the period, so it is computed once.
        var periodCount = maType == MaType.Mama ? 1 : maxPeriod - minPeriod + 1;
        var barCount = real.Length - lookback;
        var bars = ArrayPool<int>.Shared.Rent(barCount);
        var groups = ArrayPool<int>.Shared.Rent(2 * (periodCount + 1));
        var scratch = ArrayPool<double>.Shared.Rent(real.Length);
        try
        {
            // bars[starts[s]..starts[s + 1]] will be the bars using slot s; next[s] is where its next bar goes.
            var starts = groups.AsSpan(0, periodCount + 1);
            var next = groups.AsSpan(periodCount + 1, periodCount + 1);
            starts.Clear();
            for (var i = lookback; i < real.Length; i++)
            {
                starts[Slot(periods[i], minPeriod, maxPeriod, periodCount) + 1]++;
            }

            for (var slot = 0; slot < periodCount; slot++)
            {
                starts[slot + 1] += starts[slot];
            }

            starts.CopyTo(next);
            for (var i = lookback; i < real.Length; i++)
            {
                bars[next[Slot(periods[i], minPeriod, maxPeriod, periodCount)]++] = i;
            }

            for (var slot = 0; slot < periodCount; slot++)
            {
                if (starts[slot] == starts[slot + 1])
                {
                    continue;
                }

                var period = minPeriod + slot;
                var start = Start(lookback, maType, period);
                MovingAverage.Compute(maType, real[start..], period, scratch.AsSpan(start, real.Length - start));
                for (var k = starts[slot]; k < starts[slot + 1]; k++)
                {
                    output[bars[k]] = scratch[bars[k]];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(groups);
            ArrayPool<int>.Shared.Return(bars);
        }
    }

    /// <summary>
    /// The index of the average serving a requested period: the period truncated toward zero and clamped, as
    /// TA-Lib's <c>(int)</c> cast and bounds (clamped first here, so a huge value cannot overflow the cast),
    /// minus <paramref name="minPeriod"/>; always 0 when a single average serves every period.
    /// </summary>
    private static int Slot(double requested, int minPeriod, int maxPeriod, int periodCount) =>
        periodCount == 1 ? 0
        : requested < minPeriod ? 0
        : requested > maxPeriod ? maxPeriod - minPeriod
        : (int)requested - minPeriod;

    /// <summary>The bar where the average of <paramref name="period"/> starts so that its warm-up ends at <paramref name="lookback"/>.</summary>
    private static int Start(int lookback, MaType maType, int period) => lookback - MovingAverage.Lookback(maType, period);

    private static void CheckPeriods(int minPeriod, int maxPeriod)
    {
        Guard.Period(minPeriod, 2);
        Guard.Period(maxPeriod, 2);

        if (minPeriod > maxPeriod)
        {
            throw new IndicatorException($"mavp: min_period = {minPeriod} is above max_period = {maxPeriod}; min_period must not exceed max_period.", "min_period");
        }
    }

    /// <summary>
    /// Streaming MAVP: one moving-average stream per period from <c>min_period</c> to <c>max_period</c>, each
    /// started at its batch start bar, so O(max − min + 1) per bar (TA-Lib's own cost per distinct period) and
    /// memory of the sum of the window lengths.
    /// </summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly int _minPeriod;
        private readonly int _maxPeriod;
        private readonly int _lookback;
        private readonly IValueStream[] _averages;
        private readonly int[] _starts;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period is outside 2…100000, or <paramref name="maType"/> is not an <see cref="MaType"/>.</exception>
        /// <exception cref="IndicatorException"><paramref name="minPeriod"/> is above <paramref name="maxPeriod"/>.</exception>
        public Stream(int minPeriod, int maxPeriod, MaType maType)
        {
            _lookback = Lookback(minPeriod, maxPeriod, maType);
            _minPeriod = minPeriod;
            _maxPeriod = maxPeriod;

            // MAMA ignores the period: one stream serves every period.
            var count = maType == MaType.Mama ? 1 : maxPeriod - minPeriod + 1;
            _averages = new IValueStream[count];
            _starts = new int[count];
            for (var k = 0; k < count; k++)
            {
                _averages[k] = MovingAverage.CreateStream(maType, minPeriod + k);
                _starts[k] = Start(_lookback, maType, minPeriod + k);
            }
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Mavp.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            CheckPeriod(bar, Count);
            Count++;
            Step(bar, replace: false);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            CheckPeriod(bar, Count - 1);
            Step(bar, replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private static void CheckPeriod(in StreamBar bar, int index)
        {
            if (!double.IsFinite(bar.Real1))
            {
                throw new IndicatorException(
                    string.Create(CultureInfo.InvariantCulture, $"mavp: the period of bar {index} is {bar.Real1}; pass each bar's period as a finite number in Real1."),
                    "periods");
            }
        }

        private void Step(in StreamBar bar, bool replace)
        {
            var today = Count - 1;
            for (var k = 0; k < _averages.Length; k++)
            {
                if (today >= _starts[k])
                {
                    var average = _averages[k];
                    _ = replace ? average.UpdateLast(bar.Real0) : average.Add(bar.Real0);
                }
            }

            if (IsReady)
            {
                _value = _averages[Slot(bar.Real1, _minPeriod, _maxPeriod, _averages.Length)].Value;
            }
        }
    }
}
