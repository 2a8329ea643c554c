using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Wilder's directional movement as TA-Lib's PLUS_DM … ADX compute it: the +DM, −DM and true range of each
/// bar-to-bar move, summed over the first <c>period − 1</c> moves, then smoothed as <c>s − s/period + x</c>.
/// A value type: copying it saves the state, which is how streams replace their forming bar.
/// </summary>
internal struct DirectionalMovement
{
    private readonly double _period;

    // TA-Lib's PLUS_DI/MINUS_DI return the bare ratio, not a percentage, for a period of 1.
    private readonly double _scale;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;

    // Bars seen while seeding, 0 … period; it stops there.
    private int _seedBars;

    public DirectionalMovement(int period)
    {
        Period = period;
        _period = period;
        _scale = period == 1 ? 1.0 : 100.0;
    }

    /// <summary>The smoothing period.</summary>
    public int Period { get; }

    /// <summary>Smoothed +DM (a plain sum during the seed).</summary>
    public double PlusDm { get; private set; }

    /// <summary>Smoothed −DM (a plain sum during the seed).</summary>
    public double MinusDm { get; private set; }

    /// <summary>Smoothed true range; stays 0 when only <see cref="AddMovement"/> is used.</summary>
    public double TrueRange { get; private set; }

    /// <summary>+DI in percent (0 when the true range is 0).</summary>
    public readonly double PlusDi => Indicator(PlusDm);

    /// <summary>−DI in percent (0 when the true range is 0).</summary>
    public readonly double MinusDi => Indicator(MinusDm);

    /// <summary>Adds a bar to +DM, −DM and the true range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double high, double low, double close)
    {
        var range = TRange.Of(high, low, _previousClose);
        _previousClose = close;
        Step(high, low, range);
    }

    /// <summary>Adds a bar to +DM and −DM only (PLUS_DM and MINUS_DM read no close).</summary>
    public void AddMovement(double high, double low) => Step(high, low, 0.0);

    /// <summary>
    /// The directional index <c>100·|−DI − +DI| / (−DI + +DI)</c>; false when the true range or the DI sum is 0
    /// (TA-Lib then repeats the last DX or leaves the ADX as it is).
    /// </summary>
    public readonly bool TryDx(out double dx) => TryDx(PlusDm, MinusDm, TrueRange, out dx);

    /// <summary><see cref="TryDx(out double)"/> for given smoothed sums.</summary>
    public static bool TryDx(double plusDm, double minusDm, double trueRange, out double dx)
    {
        if (!MomentumMath.IsZero(trueRange))
        {
            var minus = 100.0 * (minusDm / trueRange);
            var plus = 100.0 * (plusDm / trueRange);
            var sum = minus + plus;
            if (!MomentumMath.IsZero(sum))
            {
                dx = 100.0 * (Math.Abs(minus - plus) / sum);
                return true;
            }
        }

        dx = 0.0;
        return false;
    }

    /// <summary>Whether the seed is complete (from bar <c>period</c> on): every further bar is smoothed.</summary>
    public readonly bool IsSeeded => _seedBars == Period;

    /// <summary>
    /// The previous bar and the smoothed sums, for a batch loop that runs the smoothing in registers and puts
    /// them back (<see cref="AverageDirectional"/>); set only once <see cref="IsSeeded"/>.
    /// </summary>
    public SmoothedState Smoothed
    {
        readonly get => new(_previousHigh, _previousLow, _previousClose, PlusDm, MinusDm, TrueRange);
        set => (_previousHigh, _previousLow, _previousClose, PlusDm, MinusDm, TrueRange) =
            (value.High, value.Low, value.Close, value.PlusDm, value.MinusDm, value.TrueRange);
    }

    /// <summary>The +DM and −DM of a move: only the larger of the two moves counts, and only if it is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Plus, double Minus) Moves(double high, double low, double previousHigh, double previousLow)
    {
        var up = high - previousHigh;
        var down = previousLow - low;
        return (MomentumMath.KeepIf((up > 0) & (up > down), up), MomentumMath.KeepIf((down > 0) & (down > up), down));
    }

    /// <summary>Wilder's smoothing in TA-Lib's order: <c>s − s/period + x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Smooth(double smoothed, double period, double x) => smoothed - (smoothed / period) + x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(double high, double low, double range)
    {
        var (plus, minus) = Moves(high, low, _previousHigh, _previousLow);
        _previousHigh = high;
        _previousLow = low;

        // With a period of 1, s − s/1 + x is the bar's own value, which is TA-Lib's special case for it.
        if (_seedBars == Period)
        {
            PlusDm = Smooth(PlusDm, _period, plus);
            MinusDm = Smooth(MinusDm, _period, minus);
            TrueRange = Smooth(TrueRange, _period, range);
            return;
        }

        // The first bar has no move; bars 1 … period − 1 are summed.
        if (_seedBars > 0)
        {
            PlusDm += plus;
            MinusDm += minus;
            TrueRange += range;
        }

        _seedBars++;
    }

    private readonly double Indicator(double dm) => MomentumMath.IsZero(TrueRange) ? 0.0 : _scale * (dm / TrueRange);
}

/// <summary>The state of a seeded <see cref="DirectionalMovement"/>: the previous bar and the smoothed sums.</summary>
internal readonly record struct SmoothedState(double High, double Low, double Close, double PlusDm, double MinusDm, double TrueRange);
