namespace MtMcp.Domain;

/// <summary>
/// Exact powers of ten for price digits. The literals are rounded once by the compiler, so a point size
/// is bit-identical on every platform (Math.Pow goes through the platform's C library).
/// </summary>
public static class PowersOfTen
{
    private static readonly double[] s_negative = [1, 0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001, 0.0000001, 0.00000001];

    /// <summary>10^-<paramref name="digits"/> for 0..8 digits (a symbol's point).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Digits outside 0..8.</exception>
    public static double Negative(int digits) =>
        digits is >= 0 and <= 8
            ? s_negative[digits]
            : throw new ArgumentOutOfRangeException(nameof(digits), digits, "Price digits are 0..8.");
}
