using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Bill Williams' Alligator (MetaTrader iAlligator with its defaults: SMMA of the median price): jaw =
/// SMMA 13 shifted 8 bars forward, teeth = SMMA 8 shifted 5, lips = SMMA 5 shifted 3. MetaTrader draws each
/// line <c>shift</c> bars to the right of the bar it was computed on; here every output at bar t is the value
/// drawn at bar t, i.e. the SMMA computed at bar <c>t − shift</c>, so nothing looks ahead.
/// </summary>
public static class Alligator
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "alligator", "Alligator (Bill Williams)", IndicatorGroup.BillWilliams,
        [InputSeries.High, InputSeries.Low],
        [
            ParameterInfo.Integer("jaw_period", 13, 1, 100_000, "SMMA period of the jaw (blue line)", "jaw"),
            ParameterInfo.Integer("jaw_shift", 8, 0, 10_000, "Bars the jaw is shifted forward", "jaws_shift"),
            ParameterInfo.Integer("teeth_period", 8, 1, 100_000, "SMMA period of the teeth (red line)", "teeth"),
            ParameterInfo.Integer("teeth_shift", 5, 0, 10_000, "Bars the teeth are shifted forward"),
            ParameterInfo.Integer("lips_period", 5, 1, 100_000, "SMMA period of the lips (green line)", "lips"),
            ParameterInfo.Integer("lips_shift", 3, 0, 10_000, "Bars the lips are shifted forward"),
        ],
        [
            new OutputInfo("jaw", "Jaw: SMMA(jaw_period) of the median price computed jaw_shift bars ago"),
            new OutputInfo("teeth", "Teeth: SMMA(teeth_period) of the median price computed teeth_shift bars ago"),
            new OutputInfo("lips", "Lips: SMMA(lips_period) of the median price computed lips_shift bars ago"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2), p.Int(3), p.Int(4), p.Int(5)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, p.Int(0), p.Int(1), p.Int(2), p.Int(3), p.Int(4), p.Int(5), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Int(2), p.Int(3), p.Int(4), p.Int(5)));

    /// <summary>Bars without a value at the start: the largest <c>period − 1 + shift</c> of the three lines.</summary>
    public static int Lookback(int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift) =>
        Math.Max(LineLookback(jawPeriod, jawShift), Math.Max(LineLookback(teethPeriod, teethShift), LineLookback(lipsPeriod, lipsShift)));

    /// <summary>
    /// Writes the three lines into <paramref name="jaw"/>, <paramref name="teeth"/> and <paramref name="lips"/>
    /// from the lookback on; earlier entries are left as they are.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift,
        Span<double> jaw, Span<double> teeth, Span<double> lips)
    {
        var n = high.Length;
        var lookback = Lookback(jawPeriod, jawShift, teethPeriod, teethShift, lipsPeriod, lipsShift);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var median = buffer.AsSpan(0, n);
            var line = buffer.AsSpan(n, n);
            MedianPrice.Fill(high, low, median);
            Line(median, jawPeriod, jawShift, lookback, line, jaw);
            Line(median, teethPeriod, teethShift, lookback, line, teeth);
            Line(median, lipsPeriod, lipsShift, lookback, line, lips);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static int LineLookback(int period, int shift) => Smma.Lookback(period) + shift;

    private static void Line(ReadOnlySpan<double> median, int period, int shift, int lookback, Span<double> scratch, Span<double> output)
    {
        Smma.Compute(median, period, scratch);
        DelayLine.Shift(scratch, shift, lookback, output);
    }

    /// <summary>Streaming Alligator: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly ShiftedSmma _jaw;
        private readonly ShiftedSmma _teeth;
        private readonly ShiftedSmma _lips;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
        public Stream(int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift)
        {
            _jaw = new ShiftedSmma(jawPeriod, jawShift);
            _teeth = new ShiftedSmma(teethPeriod, teethShift);
            _lips = new ShiftedSmma(lipsPeriod, lipsShift);
            _lookback = Lookback(jawPeriod, jawShift, teethPeriod, teethShift, lipsPeriod, lipsShift);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Alligator.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <summary>The jaw at the last bar; NaN during the warm-up.</summary>
        public double Jaw => IsReady ? _jaw.Value : double.NaN;

        /// <summary>The teeth at the last bar; NaN during the warm-up.</summary>
        public double Teeth => IsReady ? _teeth.Value : double.NaN;

        /// <summary>The lips at the last bar; NaN during the warm-up.</summary>
        public double Lips => IsReady ? _lips.Value : double.NaN;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
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

            Step(bar, replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => output switch
        {
            0 => Jaw,
            1 => Teeth,
            _ => Lips,
        };

        private void Step(in StreamBar bar, bool replace)
        {
            var median = MedianPrice.Of(bar.High, bar.Low);
            _jaw.Feed(median, replace);
            _teeth.Feed(median, replace);
            _lips.Feed(median, replace);
        }
    }

    /// <summary>An SMMA reported <c>shift</c> bars late, with an update in place of the last value.</summary>
    private sealed class ShiftedSmma(int period, int shift)
    {
        private readonly DelayLine _delay = new(shift);
        private Smma.State _smma = new(period);
        private Smma.State _beforeLast;

        public double Value => _delay.Value;

        public void Feed(double price, bool replace)
        {
            if (replace)
            {
                _smma = _beforeLast;
            }
            else
            {
                _beforeLast = _smma;
            }

            _delay.Feed(_smma.Next(price), replace);
        }
    }
}
