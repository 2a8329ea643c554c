using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// TA-Lib's DX and ADX on top of <see cref="DirectionalMovement"/>: DX from bar <c>period</c> on, the ADX seeded
/// with the mean of the first <c>period</c> DX values (bar <c>2·period − 1</c>), then Wilder-smoothed.
/// A value type, like <see cref="DirectionalMovement"/>.
/// </summary>
internal struct AverageDirectional
{
    /// <summary>The underlying +DM, −DM and true range.</summary>
    public DirectionalMovement Movement;

    private readonly double _period;
    private readonly int _seedEnd;
    private double _dxSum;

    // Bars before the current one, counted up to 2·period (where the ADX has been seeded) and no further.
    private int _bar;

    public AverageDirectional(int period)
    {
        Movement = new DirectionalMovement(period);
        _period = period;
        _seedEnd = 2 * period;
    }

    /// <summary>TA-Lib's DX output: 0 until defined, then the last defined DX (repeated while the DX is undefined).</summary>
    public double Dx { get; private set; }

    /// <summary>The ADX, valid from bar <c>2·period − 1</c> on.</summary>
    public double Adx { get; private set; }

    /// <summary>Adds a bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double high, double low, double close)
    {
        Movement.Add(high, low, close);
        if (_bar < Movement.Period)
        {
            _bar++;
            return;
        }

        var defined = Movement.TryDx(out var dx);
        if (defined)
        {
            Dx = dx;
        }

        if (_bar == _seedEnd)
        {
            if (defined)
            {
                Adx = ((Adx * (_period - 1.0)) + dx) / _period;
            }

            return;
        }

        // An undefined DX (flat market) is left out of the seed sum but still divided by the full period.
        if (defined)
        {
            _dxSum += dx;
        }

        if (++_bar == _seedEnd)
        {
            Adx = _dxSum / _period;
        }
    }
}
