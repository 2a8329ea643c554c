namespace MtMcp.Indicators;

/// <summary>Small numeric rules of TA-Lib that several momentum indicators share.</summary>
internal static class MomentumMath
{
    /// <summary>TA-Lib's TA_EPSILON: sums of ranges or moves this close to 0 count as 0 (no division).</summary>
    public const double Epsilon = 1e-14;

    /// <summary>TA-Lib's TA_IS_ZERO.</summary>
    public static bool IsZero(double value) => value is > -Epsilon and < Epsilon;

    /// <summary>TA-Lib's TA_IS_ZERO_OR_NEG.</summary>
    public static bool IsZeroOrNegative(double value) => value < Epsilon;

    /// <summary>
    /// <paramref name="value"/> if <paramref name="keep"/>, else +0, without a branch: conditions on noisy prices
    /// (up or down move?) defeat branch prediction. Adding the +0 instead of skipping the addition is exact.
    /// </summary>
    public static double KeepIf(bool keep, double value) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & -(keep ? 1L : 0L));
}
