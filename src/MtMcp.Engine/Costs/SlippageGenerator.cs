namespace MtMcp.Engine;

/// <summary>
/// Adverse slippage in points per deal per a <see cref="SlippageModel"/>: the fixed part plus a random part
/// drawn from a hash of (seed, deal ticket), so the same deal always slips the same way, also after a restart,
/// without any generator state to persist. The default value never slips.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct SlippageGenerator
{
    private readonly int _fixedPoints;
    private readonly int _randomPoints;
    private readonly ulong _seed;

    /// <summary>Creates a generator for <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative fixed or random part.</exception>
    public SlippageGenerator(SlippageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(model.FixedPoints, nameof(model));
        ArgumentOutOfRangeException.ThrowIfNegative(model.RandomPoints, nameof(model));
        _fixedPoints = model.FixedPoints;
        _randomPoints = model.RandomPoints;
        _seed = model.Seed;
    }

    /// <summary>The largest slippage the model can produce, in points.</summary>
    public int MaxPoints => _fixedPoints + _randomPoints;

    /// <summary>
    /// Slippage of the deal <paramref name="dealTicket"/> in points, always ≥ 0 (the caller applies it against
    /// the trader): the fixed part plus a uniform draw from 0..RandomPoints.
    /// </summary>
    public int Points(ulong dealTicket)
    {
        if (_randomPoints == 0)
        {
            return _fixedPoints;
        }

        var hash = Mix(_seed ^ Mix(dealTicket));

        // Scale the 64-bit hash onto 0..RandomPoints with a multiply-high, which avoids the bias of a modulo.
        var draw = Math.BigMul(hash, (ulong)_randomPoints + 1, out _);
        return _fixedPoints + (int)draw;
    }

    // SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijective avalanche of 64 bits.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
