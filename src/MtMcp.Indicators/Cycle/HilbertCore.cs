using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Ehlers' Hilbert-transform engine as TA-Lib runs it for every HT_* function and MAMA: a 4-bar weighted
/// price smoother, the detrender / Q1 / jI / jQ Hilbert FIRs (separate circular buffers for odd and even
/// bars, gain adapted to the previous period), the smoothed I2/Q2 phasor, its Re/Im products and the
/// clamped, smoothed dominant-cycle period. Fixed size, so copying it snapshots it.
/// </summary>
/// <remarks>
/// Every operation follows TA-Lib's order of floating-point operations, so the results are bit-identical
/// to TA-Lib when run from bar 0. Bar parity is absolute (bar 0 is even), as in TA-Lib.
/// </remarks>
internal struct HilbertCore
{
    /// <summary>Warm-up of HT_DCPERIOD, HT_PHASOR and MAMA.</summary>
    public const int ShortLookback = 32;

    /// <summary>Warm-up of HT_DCPHASE, HT_SINE, HT_TRENDLINE and HT_TRENDMODE.</summary>
    public const int LongLookback = 63;

    /// <summary>Longest period the transform reports (TA-Lib clamps to 6…50).</summary>
    public const int MaxPeriod = 50;

    /// <summary>Radians to degrees, as TA-Lib forms it (180 / (4·atan 1) is the same double as 180 / π).</summary>
    public const double Rad2Deg = 180.0 / Math.PI;

    // TA-Lib primes the smoother with 3 bars, then runs it alone for 9 (short) or 34 (long) bars before
    // the transform starts; the transform then warms up for the remaining 20 or 26 bars.
    private const int ShortFirstBar = 3 + 9;
    private const int LongFirstBar = 3 + 34;

    private const double A = 0.0962;
    private const double B = 0.5769;

    private readonly int _firstBar;

    // 4-bar WMA: running weighted sum and plain sum, the value leaving the window next, the last 3 inputs.
    private double _wmaSum;
    private double _wmaSub;
    private double _trailing;
    private double _x1;
    private double _x2;
    private double _x3;

    private int _slot;
    private Bank _even;
    private Bank _odd;
    private double _prevI2;
    private double _prevQ2;
    private double _re;
    private double _im;

    private HilbertCore(int firstBar)
    {
        _firstBar = firstBar;
        Bar = -1;
    }

    /// <summary>The bar last stepped (0 for the first).</summary>
    public int Bar { readonly get; private set; }

    /// <summary>The smoothed price of the last bar (defined from bar 3).</summary>
    public double Smoothed { readonly get; private set; }

    /// <summary>The in-phase component (the detrended price three bars back).</summary>
    public double I1 { readonly get; private set; }

    /// <summary>The quadrature component.</summary>
    public double Q1 { readonly get; private set; }

    /// <summary>The dominant-cycle period before the final smoothing.</summary>
    public double Period { readonly get; private set; }

    /// <summary>The smoothed dominant-cycle period (HT_DCPERIOD's output).</summary>
    public double SmoothPeriod { readonly get; private set; }

    /// <summary>A core for the functions whose lookback is <see cref="ShortLookback"/>.</summary>
    public static HilbertCore ForShortLookback() => new(ShortFirstBar);

    /// <summary>A core for the functions whose lookback is <see cref="LongLookback"/>.</summary>
    public static HilbertCore ForLongLookback() => new(LongFirstBar);

    /// <summary>
    /// Feeds the next bar's price; returns whether the transform ran (I1, Q1 and the periods changed),
    /// false while only the smoother is warming up.
    /// </summary>
    public bool Step(double value)
    {
        var bar = ++Bar;
        if (!Smooth(bar, value) || bar < _firstBar)
        {
            return false;
        }

        var even = (bar & 1) == 0;
        ref var bank = ref even ? ref _even : ref _odd;
        var gain = (0.075 * Period) + 0.54;

        var detrender = bank.Detrender.Step(Smoothed, _slot, gain);
        var q1 = bank.Q1.Step(detrender, _slot, gain);
        var i1 = bank.I1Prev3;
        var jI = bank.JI.Step(i1, _slot, gain);
        var jQ = bank.JQ.Step(q1, _slot, gain);

        // The slot advances after even bars only, so each parity's buffers act as 3-deep delay lines.
        if (even && ++_slot == 3)
        {
            _slot = 0;
        }

        var q2 = (0.2 * (q1 + jI)) + (0.8 * _prevQ2);
        var i2 = (0.2 * (i1 - jQ)) + (0.8 * _prevI2);

        // I1 is the detrender three bars back: today's detrender feeds the other parity's delay.
        ref var other = ref even ? ref _odd : ref _even;
        other.I1Prev3 = other.I1Prev2;
        other.I1Prev2 = detrender;

        I1 = i1;
        Q1 = q1;
        UpdatePeriod(i2, q2);
        return true;
    }

    // Returns whether a smoothed price exists yet (from bar 3).
    private bool Smooth(int bar, double value)
    {
        var ready = bar >= 3;
        if (ready)
        {
            _wmaSub += value;
            _wmaSub -= _trailing;
            _wmaSum += value * 4.0;
            _trailing = _x3;
            Smoothed = _wmaSum * 0.1;
            _wmaSum -= _wmaSub;
        }
        else
        {
            _wmaSub += value;
            _wmaSum += value * (bar + 1.0);
        }

        _x3 = _x2;
        _x2 = _x1;
        _x1 = value;
        return ready;
    }

    private void UpdatePeriod(double i2, double q2)
    {
        _re = (0.2 * ((i2 * _prevI2) + (q2 * _prevQ2))) + (0.8 * _re);
        _im = (0.2 * ((i2 * _prevQ2) - (q2 * _prevI2))) + (0.8 * _im);
        _prevQ2 = q2;
        _prevI2 = i2;

        var previous = Period;
        var period = previous;
        if (_im != 0.0 && _re != 0.0)
        {
            period = 360.0 / (Math.Atan(_im / _re) * Rad2Deg);
        }

        // At most 50 % faster or 33 % slower than the last bar, and within 6…50 bars.
        if (period > 1.5 * previous)
        {
            period = 1.5 * previous;
        }

        if (period < 0.67 * previous)
        {
            period = 0.67 * previous;
        }

        if (period < 6)
        {
            period = 6;
        }
        else if (period > MaxPeriod)
        {
            period = MaxPeriod;
        }

        Period = (0.2 * period) + (0.8 * previous);
        SmoothPeriod = (0.33 * Period) + (0.67 * SmoothPeriod);
    }

    /// <summary>The filters run on bars of one parity.</summary>
    private struct Bank
    {
        public Fir Detrender;
        public Fir Q1;
        public Fir JI;
        public Fir JQ;

        // The other parity's detrender, one and two same-parity steps back (three and five bars).
        public double I1Prev2;
        public double I1Prev3;
    }

    /// <summary>
    /// One Hilbert FIR, (0.0962·x[t] + 0.5769·x[t−2] − 0.5769·x[t−4] − 0.0962·x[t−6])·gain, evaluated
    /// incrementally on bars of one parity.
    /// </summary>
    private struct Fir
    {
        private Three _scaled;
        private double _prevScaled;
        private double _prevInput;

        public double Step(double input, int slot, double gain)
        {
            var scaled = A * input;
            var value = -_scaled[slot];
            _scaled[slot] = scaled;
            value += scaled;
            value -= _prevScaled;
            _prevScaled = B * _prevInput;
            value += _prevScaled;
            _prevInput = input;
            return value * gain;
        }
    }

    [InlineArray(3)]
    private struct Three
    {
        private double _element;
    }
}
