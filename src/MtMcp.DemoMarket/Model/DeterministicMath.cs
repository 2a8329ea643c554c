namespace MtMcp.DemoMarket.Model;

/// <summary>
/// Natural exponential and logarithm from IEEE-exact operations only (+, −, ×, ÷, bit manipulation),
/// so the demo market is bit-identical across operating systems and CPUs: <see cref="Math.Exp"/> and
/// <see cref="Math.Log(double)"/> call the platform's C library, whose last bit differs between machines.
/// </summary>
/// <remarks>Accuracy is within 2 ulp of the correctly rounded result over the ranges the market uses.</remarks>
internal static class DeterministicMath
{
    // ln 2 split so that n × Ln2Hi is exact for |n| < 2^11 (Cody and Waite).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309504880;
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFF;
    private const long ExponentBias = 1023;

    /// <summary>e^<paramref name="x"/>; 0 below −708 and +∞ above 709.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > 709.0)
        {
            return double.PositiveInfinity;
        }

        if (x < -708.0)
        {
            return 0;
        }

        // x = n ln2 + r with |r| ≤ ln2 / 2, then e^r by its Taylor series to degree 13 (error < 1e-17).
        var n = Math.Round(x * InvLn2);
        var r = (x - (n * Ln2Hi)) - (n * Ln2Lo);
        var p = 1.0 / 6227020800.0;
        p = (p * r) + (1.0 / 479001600.0);
        p = (p * r) + (1.0 / 39916800.0);
        p = (p * r) + (1.0 / 3628800.0);
        p = (p * r) + (1.0 / 362880.0);
        p = (p * r) + (1.0 / 40320.0);
        p = (p * r) + (1.0 / 5040.0);
        p = (p * r) + (1.0 / 720.0);
        p = (p * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;
        return p * PowerOfTwo((int)n);
    }

    /// <summary>ln <paramref name="x"/>; NaN for negative input, −∞ for 0.</summary>
    public static double Log(double x)
    {
        if (!(x > 0))
        {
            return x == 0 ? double.NegativeInfinity : double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)(bits >> 52) - (int)ExponentBias;
        if (exponent == -(int)ExponentBias)
        {
            // Subnormal: scale into the normal range first.
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0);
            exponent = (int)(bits >> 52) - (int)ExponentBias - 54;
        }

        // x = m × 2^e with m in [√½, √2), then ln m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716.
        var m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | (ExponentBias << 52));
        if (m >= Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        var s = (m - 1) / (m + 1);
        var z = s * s;
        var p = 1.0 / 23;
        p = (p * z) + (1.0 / 21);
        p = (p * z) + (1.0 / 19);
        p = (p * z) + (1.0 / 17);
        p = (p * z) + (1.0 / 15);
        p = (p * z) + (1.0 / 13);
        p = (p * z) + (1.0 / 11);
        p = (p * z) + (1.0 / 9);
        p = (p * z) + (1.0 / 7);
        p = (p * z) + (1.0 / 5);
        p = (p * z) + (1.0 / 3);
        var logM = 2 * s * ((p * z) + 1);
        return (exponent * Ln2Hi) + ((exponent * Ln2Lo) + logM);
    }

    // The range checks in Exp keep n within [−1021, 1023], where 2^n is a normal double.
    private static double PowerOfTwo(int n) => BitConverter.Int64BitsToDouble((n + ExponentBias) << 52);
}
