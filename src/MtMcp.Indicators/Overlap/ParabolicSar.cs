using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MtMcp.Indicators;

/// <summary>
/// Wilder's parabolic stop-and-reverse as TA-Lib's SAR and SAREXT run it (SAR is SAREXT with one factor for
/// both directions, no start value, no offset and positive short values). A value type: a copy saves the state,
/// which is how the streams undo their forming bar.
/// </summary>
internal struct ParabolicSar
{
    private readonly Settings _settings;
    private bool _isLong;
    private double _sar;
    private double _ep;
    private double _afLong;
    private double _afShort;

    private ParabolicSar(Settings settings) => _settings = settings;

    /// <summary>
    /// The state after the first bar (its high and low seed the stop), ready to give the value of the second
    /// bar (<paramref name="high1"/>, <paramref name="low1"/>) with <see cref="Next"/>.
    /// </summary>
    public static ParabolicSar Start(in Settings settings, double high0, double low0, double high1, double low1)
    {
        var state = new ParabolicSar(settings)
        {
            _afLong = settings.InitLong,
            _afShort = settings.InitShort,
        };

        if (settings.StartValue == 0)
        {
            // TA-Lib's rule: short if the second bar's −DM (lower low) beats its +DM (higher high), else long.
            var plusMove = high1 - high0;
            var minusMove = low0 - low1;
            state._isLong = !(minusMove > 0 && plusMove < minusMove);
            state._sar = state._isLong ? low0 : high0;
        }
        else
        {
            state._isLong = settings.StartValue > 0;
            state._sar = Math.Abs(settings.StartValue);
        }

        state._ep = state._isLong ? high1 : low1;
        return state;
    }

    /// <summary>
    /// The stop for the bar (<paramref name="high"/>, <paramref name="low"/>) after the bar
    /// (<paramref name="prevHigh"/>, <paramref name="prevLow"/>), reversing if the bar crosses it; then moves the
    /// stop for the next bar. For the second bar, pass the bar itself as the previous one (as TA-Lib does).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(double prevHigh, double prevLow, double high, double low)
    {
        double output;
        if (_isLong)
        {
            if (low <= _sar)
            {
                // Reverse to short: the stop jumps to the extreme point, kept above both bars' highs.
                _isLong = false;
                _sar = double.MaxNative(double.MaxNative(_ep, prevHigh), high);
                if (_settings.OffsetOnReverse != 0.0)
                {
                    _sar += _sar * _settings.OffsetOnReverse;
                }

                output = _settings.NegateShort ? -_sar : _sar;
                _afShort = _settings.InitShort;
                _ep = low;
                _sar += _afShort * (_ep - _sar);
                _sar = double.MaxNative(double.MaxNative(_sar, prevHigh), high);
            }
            else
            {
                output = _sar;
                _afLong = Accelerate(_afLong, high > _ep, _settings.StepLong, _settings.MaxLong);
                _ep = double.MaxNative(high, _ep);

                _sar += _afLong * (_ep - _sar);
                _sar = double.MinNative(double.MinNative(_sar, prevLow), low);
            }
        }
        else if (high >= _sar)
        {
            // Reverse to long: the stop jumps to the extreme point, kept below both bars' lows.
            _isLong = true;
            _sar = double.MinNative(double.MinNative(_ep, prevLow), low);
            if (_settings.OffsetOnReverse != 0.0)
            {
                _sar -= _sar * _settings.OffsetOnReverse;
            }

            output = _sar;
            _afLong = _settings.InitLong;
            _ep = high;
            _sar += _afLong * (_ep - _sar);
            _sar = double.MinNative(double.MinNative(_sar, prevLow), low);
        }
        else
        {
            output = _settings.NegateShort ? -_sar : _sar;
            _afShort = Accelerate(_afShort, low < _ep, _settings.StepShort, _settings.MaxShort);
            _ep = double.MinNative(low, _ep);

            _sar += _afShort * (_ep - _sar);
            _sar = double.MaxNative(double.MaxNative(_sar, prevHigh), high);
        }

        return output;
    }

    /// <summary>
    /// The factor after a bar: one step more, up to the maximum, if the bar made a new extreme. Without a branch (new
    /// extremes come at random; a conditional would compile to a branch): the step masked to +0 leaves the factor as it
    /// is, and the factor never exceeds the maximum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Accelerate(double af, bool newExtreme, double step, double maximum) =>
        double.MinNative(af + BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(step) & unchecked(-(newExtreme ? 1L : 0L))), maximum);

    /// <summary>Writes the SAR of the bars from index 1 on.</summary>
    /// <exception cref="ArgumentException"><paramref name="low"/> differs in length from <paramref name="high"/>, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(in Settings settings, ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> output)
    {
        Guard.SameLength(high.Length, low);
        Guard.Output(high.Length, output);

        if (high.Length < 2)
        {
            return;
        }

        var sar = Start(settings, high[0], low[0], high[1], low[1]);
        output[1] = sar.Next(high[1], low[1], high[1], low[1]);
        // Unchecked references: low and output hold at least as many values as high (checked above).
        ref var highs = ref MemoryMarshal.GetReference(high);
        ref var lows = ref MemoryMarshal.GetReference(low);
        ref var outputs = ref MemoryMarshal.GetReference(output);
        unchecked
        {
            for (nint i = 2; i < high.Length; i++)
            {
                Unsafe.Add(ref outputs, i) = sar.Next(Unsafe.Add(ref highs, i - 1), Unsafe.Add(ref lows, i - 1), Unsafe.Add(ref highs, i), Unsafe.Add(ref lows, i));
            }
        }
    }

    /// <summary>
    /// SAREXT's parameters, with TA-Lib's corrections applied: initial factors and steps above their maximum
    /// are lowered to it.
    /// </summary>
    internal readonly record struct Settings
    {
        /// <exception cref="ArgumentOutOfRangeException">The start value is not finite, or the offset or a factor is negative or not finite.</exception>
        public Settings(
            double startValue, double offsetOnReverse,
            double accelerationInitLong, double accelerationLong, double accelerationMaxLong,
            double accelerationInitShort, double accelerationShort, double accelerationMaxShort,
            bool negateShort)
        {
            if (!double.IsFinite(startValue))
            {
                throw new ArgumentOutOfRangeException(nameof(startValue), startValue, "startValue must be a finite number.");
            }

            NonNegative(offsetOnReverse);
            NonNegative(accelerationInitLong);
            NonNegative(accelerationLong);
            NonNegative(accelerationMaxLong);
            NonNegative(accelerationInitShort);
            NonNegative(accelerationShort);
            NonNegative(accelerationMaxShort);
            StartValue = startValue;
            OffsetOnReverse = offsetOnReverse;
            InitLong = double.MinNative(accelerationInitLong, accelerationMaxLong);
            StepLong = double.MinNative(accelerationLong, accelerationMaxLong);
            MaxLong = accelerationMaxLong;
            InitShort = double.MinNative(accelerationInitShort, accelerationMaxShort);
            StepShort = double.MinNative(accelerationShort, accelerationMaxShort);
            MaxShort = accelerationMaxShort;
            NegateShort = negateShort;
        }

        public double StartValue { get; }

        public double OffsetOnReverse { get; }

        public double InitLong { get; }

        public double StepLong { get; }

        public double MaxLong { get; }

        public double InitShort { get; }

        public double StepShort { get; }

        public double MaxShort { get; }

        /// <summary>Whether short stops are reported negative (SAREXT) or positive (SAR).</summary>
        public bool NegateShort { get; }

        /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or not finite.</exception>
        internal static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
        {
            if (!(value >= 0 && double.IsFinite(value)))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");
            }
        }
    }

    /// <summary>The streaming core of SAR and SAREXT: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    internal sealed class Stream(Settings settings)
    {
        private ParabolicSar _sar;
        private ParabolicSar _sarBefore;
        private (double High, double Low) _last;
        private (double High, double Low) _beforeLast;
        private double _value = double.NaN;

        public int Count { get; private set; }

        public bool IsReady => Count >= 2;

        public void Add(in StreamBar bar)
        {
            _beforeLast = _last;
            _sarBefore = _sar;
            Count++;
            Step(bar);
        }

        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _sar = _sarBefore;
            Step(bar);
        }

        public double Value => _value;

        private void Step(in StreamBar bar)
        {
            _last = (bar.High, bar.Low);
            if (Count == 1)
            {
                return;
            }

            if (Count == 2)
            {
                // As the batch: the second bar starts the system and is its own previous bar.
                _sar = Start(settings, _beforeLast.High, _beforeLast.Low, bar.High, bar.Low);
                _value = _sar.Next(bar.High, bar.Low, bar.High, bar.Low);
                return;
            }

            _value = _sar.Next(_beforeLast.High, _beforeLast.Low, bar.High, bar.Low);
        }
    }
}
