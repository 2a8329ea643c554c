using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Wilder's average gain and loss as TA-Lib's RSI and CMO compute them: the mean of the first <c>period</c>
/// changes, then <c>avg = (avg·(period − 1) + x) / period</c>. A value type: copying it saves the state, which is
/// how streams replace their forming bar.
/// </summary>
/// <remarks>
/// TA-Lib's "Metastock" compatibility mode (one bar less of warm-up) is off by default; this follows the default.
/// </remarks>
internal struct WilderGainLoss
{
    private readonly int _period;
    private readonly double _periodLessOne;
    private double _previous;

    // Values seen, counted up to period + 1 (seeded) and no further.
    private int _values;

    public WilderGainLoss(int period)
    {
        _period = period;
        _periodLessOne = period - 1;
    }

    /// <summary>Average gain (a sum during the seed); valid once <c>period + 1</c> values were added.</summary>
    public double Gain { get; private set; }

    /// <summary>Average loss as a positive number (a sum during the seed).</summary>
    public double Loss { get; private set; }

    /// <summary>Adds the next value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var change = value - _previous;
        _previous = value;
        if (_values > _period)
        {
            Gain *= _periodLessOne;
            Loss *= _periodLessOne;
            Accumulate(change);
            Gain /= _period;
            Loss /= _period;
            return;
        }

        if (_values > 0)
        {
            Accumulate(change);
            if (_values == _period)
            {
                Gain /= _period;
                Loss /= _period;
            }
        }

        _values++;
    }

    // A zero change counts as a gain of 0, as in TA-Lib.
    private void Accumulate(double change)
    {
        Gain += MomentumMath.KeepIf(change >= 0, change);
        Loss -= MomentumMath.KeepIf(change < 0, change);
    }
}
