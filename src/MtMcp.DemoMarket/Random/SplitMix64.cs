namespace MtMcp.DemoMarket.Random;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny 64-bit generator used here only to expand seeds
/// into xoshiro256** states and to derive independent stream seeds.
/// </summary>
internal static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Advances <paramref name="state"/> by one step and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        state = unchecked(state + Gamma);
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function: a strong 64-bit bijective mixer.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
