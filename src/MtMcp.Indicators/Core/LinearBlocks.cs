namespace MtMcp.Indicators;

/// <summary>
/// Runs a long linear recurrence <c>s[i] = a·s[i−1] + b[i]</c> (EMA, Wilder's smoothing) several blocks at a time.
/// One serial chain is bound by the latency of its operations; independent chains keep the core busy. The bars
/// after the seed form fixed blocks of <see cref="Length"/>; the state before block m + 1 is
/// <c>local(m) + a^Length · state before m</c>, where <c>local(m)</c> runs block m from zero (the recurrence is
/// linear). Each bar then takes the indicator's own step from the bar before it, so the result differs from one
/// serial chain by rounding only (about 1e-15 relative), and because the blocks are anchored at the first bar,
/// a prefix of the series gives the same bits as the whole.
/// </summary>
internal static class LinearBlocks
{
    /// <summary>Bars per block: long enough to amortise the carries, short enough to stay in the L1/L2 cache.</summary>
    public const int Length = 1024;

    /// <summary><c>a^Length</c>: how much of the state before a block survives to its end.</summary>
    public static double Decay(double a) => Math.Pow(a, Length);

    /// <summary>One step of the block-local chain from zero: <c>a·local + b</c>, fused.</summary>
    public static double Local(double local, double a, double b) => Math.FusedMultiplyAdd(a, local, b);

    /// <summary>The state after a block from its local run and the state before it.</summary>
    public static double Carry(double local, double decay, double before) => Math.FusedMultiplyAdd(decay, before, local);
}
