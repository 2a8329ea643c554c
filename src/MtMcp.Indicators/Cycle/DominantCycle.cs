namespace MtMcp.Indicators;

/// <summary>
/// The Hilbert core plus TA-Lib's dominant-cycle phase (HT_DCPHASE, and the base of HT_SINE and
/// HT_TRENDMODE): a one-cycle DFT of the smoothed prices at the smoothed period, turned into a phase in
/// degrees with TA-Lib's quadrant and lag corrections.
/// </summary>
/// <remarks>
/// Copying the struct snapshots it; the price history is shared, which update-in-place allows (see
/// <see cref="CycleHistory"/>).
/// </remarks>
internal struct DominantCycle
{
    /// <summary>Degrees to radians, as TA-Lib forms it (1 / (180 / π), not π / 180).</summary>
    public const double Deg2Rad = 1.0 / HilbertCore.Rad2Deg;

    private const double TwoPi = 2.0 * Math.PI;

    // sin and cos of 2π·i/n for n = 1…50 and i < n, packed by n: the DFT then costs no trigonometry.
    private static readonly double[] s_sin = Table(Math.Sin);
    private static readonly double[] s_cos = Table(Math.Cos);

    private readonly CycleHistory _smoothed = new();
    private HilbertCore _core = HilbertCore.ForLongLookback();

    public DominantCycle()
    {
    }

    /// <summary>The bar last stepped.</summary>
    public readonly int Bar => _core.Bar;

    /// <summary>The smoothed price of the last bar.</summary>
    public readonly double Smoothed => _core.Smoothed;

    /// <summary>The smoothed dominant-cycle period.</summary>
    public readonly double SmoothPeriod => _core.SmoothPeriod;

    /// <summary>The dominant-cycle phase in degrees, −45…315 (HT_DCPHASE's output).</summary>
    public double Phase { readonly get; private set; }

    /// <summary>The sine of a phase in degrees (HT_SINE's sine).</summary>
    public static double Sine(double phase) => Math.Sin(phase * Deg2Rad);

    /// <summary>The sine of a phase advanced by 45° (HT_SINE's lead sine).</summary>
    public static double LeadSine(double phase) => Math.Sin((phase + 45) * Deg2Rad);

    /// <summary>The number of bars of the current cycle, as TA-Lib rounds the smoothed period.</summary>
    public static int CycleBars(double smoothPeriod)
    {
        // The period is clamped to 6…50; only a NaN (from overflowing prices) fails the test, and counts 0.
        var bars = smoothPeriod + 0.5;
        return bars >= 1.0 ? (int)bars : 0;
    }

    /// <summary>Feeds the next bar's price; returns whether the transform ran, as <see cref="HilbertCore.Step"/>.</summary>
    public bool Step(double value)
    {
        if (!_core.Step(value))
        {
            return false;
        }

        // Prices before the transform started stay 0 in the history, as in TA-Lib.
        _smoothed.Set(_core.Bar, _core.Smoothed);

        // One-cycle DFT, newest price first (TA-Lib's order of summation).
        var bars = CycleBars(_core.SmoothPeriod);
        var prices = _smoothed.Window(_core.Bar, bars);
        var sin = s_sin.AsSpan(TableOffset(bars), bars);
        var cos = s_cos.AsSpan(TableOffset(bars), bars);
        var real = 0.0;
        var imaginary = 0.0;
        for (var i = 0; i < prices.Length; i++)
        {
            var price = prices[^(i + 1)];
            real += sin[i] * price;
            imaginary += cos[i] * price;
        }

        var phase = Phase;
        if (Math.Abs(imaginary) > 0.0)
        {
            phase = Math.Atan(real / imaginary) * HilbertCore.Rad2Deg;
        }
        else if (real < 0.0)
        {
            phase -= 90.0;
        }
        else if (real > 0.0)
        {
            phase += 90.0;
        }

        phase += 90.0;

        // Compensates the one-bar lag of the weighted moving average.
        phase += 360.0 / _core.SmoothPeriod;
        if (imaginary < 0.0)
        {
            phase += 180.0;
        }

        if (phase > 315.0)
        {
            phase -= 360.0;
        }

        Phase = phase;
        return true;
    }

    private static int TableOffset(int bars) => bars * (bars - 1) / 2;

    private static double[] Table(Func<double, double> function)
    {
        var table = new double[TableOffset(HilbertCore.MaxPeriod + 1)];
        for (var bars = 1; bars <= HilbertCore.MaxPeriod; bars++)
        {
            for (var i = 0; i < bars; i++)
            {
                table[TableOffset(bars) + i] = function(i * TwoPi / bars);
            }
        }

        return table;
    }
}
