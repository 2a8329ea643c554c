using System.Numerics;

namespace MtMcp.Strategies;

/// <summary>
/// The recent values of one series in a power-of-two ring. The compiler raises <see cref="History"/> while it compiles
/// (the deepest look-back that reads the series) and <see cref="Seal"/> allocates once before the run.
/// </summary>
internal sealed class ValueRing
{
    private double[] _values = [];
    private int _mask;
    private int _count;

    /// <summary>How many values are kept (at least the deepest look-back + 1).</summary>
    public int History { get; private set; } = 1;

    public void Require(int history) => History = Math.Max(History, history);

    public void Seal()
    {
        var length = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, History));
        _values = new double[length];
        _mask = length - 1;
    }

    public void Push(double value)
    {
        _values[_count & _mask] = value;
        _count++;
    }

    /// <summary>The value <paramref name="ago"/> steps back (0 = latest); NaN before the first value or beyond the history kept.</summary>
    public double this[int ago] => (uint)ago < (uint)_count && ago <= _mask ? _values[(_count - 1 - ago) & _mask] : double.NaN;
}
