using System.Text;

namespace MtMcp.DemoMarket.Random;

/// <summary>
/// Derives independent random streams from the market seed: one per named driver or symbol, and from
/// that one per minute, so a stream never depends on which other streams exist or were drawn.
/// </summary>
internal static class StreamSeeds
{
    private const ulong FnvOffset = 0xCBF29CE484222325;
    private const ulong FnvPrime = 0x00000100000001B3;

    /// <summary>FNV-1a 64 of the UTF-8 bytes of <paramref name="text"/>: a stable, process-independent name hash.</summary>
    public static ulong Fnv1a64(string text)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }

    /// <summary>The seed of the stream called <paramref name="name"/> for <paramref name="purpose"/> under the market seed.</summary>
    public static ulong ForName(ulong seed, string purpose, string name) =>
        SplitMix64.Mix(unchecked(SplitMix64.Mix(seed ^ Fnv1a64(purpose)) + Fnv1a64(name)));

    /// <summary>The generator for minute <paramref name="minute"/> of the stream seeded with <paramref name="streamSeed"/>.</summary>
    public static Xoshiro256StarStar ForMinute(ulong streamSeed, long minute) =>
        Xoshiro256StarStar.FromSeed(SplitMix64.Mix(unchecked(streamSeed + ((ulong)minute * 0xD1B54A32D192ED03))));
}
