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

    /// <summary>
    /// Feeds a bar as far as <paramref name="line"/> needs (no true range for the DM lines, no DX for the DI lines)
    /// and returns that line; the ADX for <see cref="DirectionalLine.Adxr"/>. <paramref name="close"/> is not read for the DM lines.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(DirectionalLine line, double high, double low, double close)
    {
        switch (line)
        {
            case DirectionalLine.PlusDm or DirectionalLine.MinusDm:
                Movement.AddMovement(high, low);
                break;
            case DirectionalLine.PlusDi or DirectionalLine.MinusDi:
                Movement.Add(high, low, close);
                break;
            default:
                Add(high, low, close);
                break;
        }

        return line switch
        {
            DirectionalLine.PlusDm => Movement.PlusDm,
            DirectionalLine.MinusDm => Movement.MinusDm,
            DirectionalLine.PlusDi => Movement.PlusDi,
            DirectionalLine.MinusDi => Movement.MinusDi,
            DirectionalLine.Dx => Dx,
            _ => Adx,
        };
    }

    /// <summary>
    /// The batch form of PLUS_DM … ADX: checks the arguments, feeds every bar and writes <paramref name="line"/> from
    /// <paramref name="lookback"/> on. The DM lines pass <paramref name="high"/> as <paramref name="close"/> (not read).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [<paramref name="minPeriod"/>, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(
        DirectionalLine line, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int period, int minPeriod, int lookback, Span<double> output)
    {
        Guard.Period(period, minPeriod);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.Output(high.Length, output);

        var state = new AverageDirectional(period);
        for (var i = 0; i < high.Length; i++)
        {
            var value = state.Next(line, high[i], low[i], close[i]);
            if (i >= lookback)
            {
                output[i] = value;
            }
        }
    }
}

/// <summary>The line a directional movement stream or batch reports.</summary>
internal enum DirectionalLine
{
    PlusDm,
    MinusDm,
    PlusDi,
    MinusDi,
    Dx,
    Adx,
    Adxr,
}
