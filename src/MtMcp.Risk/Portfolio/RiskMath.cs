namespace MtMcp.Risk;

/// <summary>
/// The statistics behind the risk figures (risk.md §2): returns, moments, correlation, EWMA volatility, the normal
/// quantile, and VaR/ES of a loss sample. Spans in, no allocation unless stated.
/// </summary>
public static class RiskMath
{
    /// <summary>z of the standard normal at 95 %: 1.644854.</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>z of the standard normal at 99 %: 2.326348.</summary>
    public const double Z99 = 2.3263478740408408;

    /// <summary>Log returns ln(P_t / P_{t−1}) of <paramref name="prices"/> into <paramref name="returns"/> (length − 1).</summary>
    /// <exception cref="ArgumentException">The destination is too short or a price is not positive.</exception>
    public static void LogReturns(ReadOnlySpan<double> prices, Span<double> returns)
    {
        if (prices.Length < 2)
        {
            return;
        }

        if (returns.Length < prices.Length - 1)
        {
            throw new ArgumentException($"The destination holds {returns.Length} returns; {prices.Length - 1} are needed.", nameof(returns));
        }

        for (var i = 1; i < prices.Length; i++)
        {
            if (!(prices[i] > 0 && prices[i - 1] > 0))
            {
                throw new ArgumentException($"Price {i} or {i - 1} is not positive; log returns need positive prices.", nameof(prices));
            }

            returns[i - 1] = Math.Log(prices[i] / prices[i - 1]);
        }
    }

    /// <summary>Arithmetic mean; NaN for an empty span.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>Sample covariance (n − 1) of two equally long series; NaN below two points.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Covariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The series have {a.Length} and {b.Length} points; align them first.", nameof(b));
        }

        if (a.Length < 2)
        {
            return double.NaN;
        }

        double ma = Mean(a), mb = Mean(b), sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - ma) * (b[i] - mb);
        }

        return sum / (a.Length - 1);
    }

    /// <summary>Sample standard deviation (n − 1); NaN below two points.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(Covariance(values, values));

    /// <summary>Pearson correlation of two equally long series; NaN when either is constant or shorter than two points.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The series have {a.Length} and {b.Length} points; align them first.", nameof(b));
        }

        if (a.Length < 2)
        {
            return double.NaN;
        }

        double ma = Mean(a), mb = Mean(b), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - ma;
            var db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        return saa > 0 && sbb > 0 ? Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1) : double.NaN;
    }

    /// <summary>
    /// EWMA (RiskMetrics) volatility forecast after the last return: the variance starts at the first squared return
    /// and each later return updates it, σ²_t = λ σ²_{t−1} + (1 − λ) r_t². NaN for an empty series.
    /// </summary>
    /// <param name="returns">Returns, oldest first.</param>
    /// <param name="lambda">Decay in (0, 1); 0.94 for daily data (RiskMetrics 1996).</param>
    public static double EwmaVolatility(ReadOnlySpan<double> returns, double lambda = 0.94) =>
        Math.Sqrt(EwmaCovariance(returns, returns, lambda));

    /// <summary>EWMA covariance of two aligned series, seeded like <see cref="EwmaVolatility"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is outside (0, 1).</exception>
    public static double EwmaCovariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double lambda = 0.94)
    {
        if (!(lambda > 0 && lambda < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The EWMA decay must be in (0, 1); RiskMetrics uses 0.94 for daily returns.");
        }

        var n = Math.Min(a.Length, b.Length);
        if (n == 0)
        {
            return double.NaN;
        }

        a = a[^n..];
        b = b[^n..];
        var c = a[0] * b[0];
        for (var i = 1; i < n; i++)
        {
            c = (lambda * c) + ((1 - lambda) * a[i] * b[i]);
        }

        return c;
    }

    /// <summary>The standard normal density φ(x).</summary>
    public static double NormalPdf(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>The standard normal cumulative distribution Φ(x), ~1e-15.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>The standard normal quantile Φ⁻¹(p) (Acklam's approximation refined by one Halley step, ~1e-15).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside (0, 1).</exception>
    public static double NormalQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is needed.");
        }

        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        // One Halley step on Φ(x) − p brings the approximation (1e-9) to machine precision.
        var e = NormalCdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>
    /// Parametric (delta-normal) VaR and ES of a P&amp;L with standard deviation <paramref name="sigma"/> and mean
    /// <paramref name="mean"/> over one period, scaled to <paramref name="horizon"/> periods by √h (mean by h):
    /// VaR = z σ √h − μ h, ES = σ √h φ(z) / (1 − α) − μ h. Losses are positive.
    /// </summary>
    public static (double Var, double Es) ParametricVar(double sigma, double confidence, double horizon = 1, double mean = 0)
    {
        CheckConfidence(confidence);
        var z = NormalQuantile(confidence);
        var s = sigma * Math.Sqrt(horizon);
        return ((z * s) - (mean * horizon), (s * NormalPdf(z) / (1 - confidence)) - (mean * horizon));
    }

    /// <summary>
    /// Empirical VaR and ES of a sample of P&amp;L (sorted in place, ascending). With tail mass m = N (1 − α): VaR is the
    /// ⌈m⌉-th worst loss (the conservative rule: N = 250 at 99 % gives the 3rd worst), ES the mean of the worst m
    /// observations, the last one weighted by the fraction (N = 250 at 97.5 %: the 6 worst and a quarter of the 7th).
    /// </summary>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    public static (double Var, double Es) EmpiricalVar(Span<double> profitAndLoss, double confidence)
    {
        CheckConfidence(confidence);
        if (profitAndLoss.IsEmpty)
        {
            throw new ArgumentException("VaR needs at least one P&L observation.", nameof(profitAndLoss));
        }

        profitAndLoss.Sort();
        var n = profitAndLoss.Length;
        var m = n * (1 - confidence);
        var k = Math.Clamp((int)Math.Ceiling(m - 1e-9), 1, n);
        var var = -profitAndLoss[k - 1];
        var whole = Math.Min((int)Math.Floor(m + 1e-9), n);
        double tail = 0;
        for (var i = 0; i < whole; i++)
        {
            tail -= profitAndLoss[i];
        }

        var fraction = m - whole;
        if (fraction > 1e-9 && whole < n)
        {
            tail -= fraction * profitAndLoss[whole];
        }

        var es = m >= 1e-9 ? tail / Math.Max(m, 1e-300) : var;
        return (var, m < 1 ? Math.Max(es, var) : es);
    }

    /// <summary>Lower-triangular Cholesky factor of a symmetric matrix (n × n, row-major) into <paramref name="lower"/>.</summary>
    /// <returns>False when the matrix is not positive definite (a zero or negative pivot).</returns>
    public static bool Cholesky(ReadOnlySpan<double> matrix, Span<double> lower, int n)
    {
        lower[..(n * n)].Clear();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[(i * n) + k] * lower[(j * n) + k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        return false;
                    }

                    lower[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[(i * n) + j] = sum / lower[(j * n) + j];
                }
            }
        }

        return true;
    }

    private static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0.5 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be between 0.5 and 1 (0.95, 0.975, 0.99).");
        }
    }

    // erfc from the Taylor series of erf below 2 and a continued fraction above: ~1e-16, what the Halley step needs.
    private static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x >= 2)
        {
            return ErfcContinuedFraction(x);
        }

        // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1)).
        double sum = x, term = x, x2 = x * x;
        for (var n = 1; n < 100; n++)
        {
            term *= -x2 / n;
            var add = term / ((2 * n) + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return 1 - (2 / Math.Sqrt(Math.PI) * sum);
    }

    private static double ErfcContinuedFraction(double x)
    {
        // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + …))))), evaluated bottom-up with enough terms for x ≥ 2.
        var t = x;
        for (var k = 60; k >= 1; k--)
        {
            t = x + (k / 2.0 / t);
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / t;
    }
}
