namespace MtMcp.Engine;

/// <summary>
/// How far from the quote the simulated venue fills market orders and triggered stops, in points, always
/// against the trader. Limit orders fill at their price (or better on a gap) and never slip.
/// </summary>
/// <param name="FixedPoints">Points added to every market and stop fill.</param>
/// <param name="RandomPoints">Up to this many further points, uniformly drawn from a seeded generator.</param>
/// <param name="Seed">Seed of the generator, so runs repeat exactly.</param>
public sealed record SlippageModel(int FixedPoints = 0, int RandomPoints = 0, ulong Seed = 1)
{
    /// <summary>Fills exactly at the quote.</summary>
    public static SlippageModel None { get; } = new();
}
