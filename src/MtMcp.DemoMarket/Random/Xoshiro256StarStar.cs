using System.Numerics;
using MtMcp.DemoMarket.Model;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna, 2018) with uniform, normal and Poisson draws that use only
/// IEEE-exact arithmetic and <see cref="DeterministicMath"/>, so every draw is bit-identical on every machine.
/// </summary>
/// <remarks>A mutable struct: keep it in a field or array slot and pass it by reference.</remarks>
[Mutable]
internal struct Xoshiro256StarStar
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    // Below this mean Knuth's product method is exact and cheap; above it the normal approximation is
    // within a fraction of a tick count of the true Poisson law.
    private const double PoissonExactLimit = 30;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a generator from a raw state; the state must not be all zero.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        _spareNormal = 0;
        _hasSpareNormal = false;
    }

    /// <summary>A generator whose state is four SplitMix64 outputs from <paramref name="seed"/> (the authors' recommendation).</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var state = seed;
        return new Xoshiro256StarStar(
            SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state));
    }

    /// <summary>Writes the full state (including a kept normal draw), from which <see cref="Read"/> continues bit-identically.</summary>
    public readonly void Write(BinaryWriter writer)
    {
        writer.Write(_s0);
        writer.Write(_s1);
        writer.Write(_s2);
        writer.Write(_s3);
        writer.Write(_spareNormal);
        writer.Write(_hasSpareNormal);
    }

    /// <summary>A generator in the state <see cref="Write"/> wrote.</summary>
    /// <exception cref="ArgumentException">The state is all zero (never written by <see cref="Write"/>: the data is corrupt).</exception>
    public static Xoshiro256StarStar Read(BinaryReader reader) =>
        new(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64())
        {
            _spareNormal = reader.ReadDouble(),
            _hasSpareNormal = reader.ReadBoolean(),
        };

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) on the 2^-53 grid.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>A uniform double in (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * TwoPowMinus53;

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) (bound &gt; 0): the high word of a 64×64-bit product (Lemire), bias below bound / 2^64.</summary>
    public int NextInt(int bound) => (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);

    /// <summary>A standard normal draw by Marsaglia's polar method; the second value of each pair is kept for the next call.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    /// <summary>A standard exponential draw (mean 1).</summary>
    public double NextExponential() => -DeterministicMath.Log(NextOpenDouble());

    /// <summary>A Poisson count with mean <paramref name="mean"/> (≥ 0).</summary>
    public int NextPoisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < PoissonExactLimit)
        {
            var limit = DeterministicMath.Exp(-mean);
            var count = 0;
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }

            return count;
        }

        var approx = Math.Round(mean + (Math.Sqrt(mean) * NextNormal()));
        return approx > 0 ? (int)approx : 0;
    }
}
