using System.Globalization;

namespace MtMcp.DemoMarket.Model;

/// <summary>
/// One price driver: a currency, metal or coin valued in US dollars, or an instrument (index, energy)
/// valued in its own profit currency. Its log-return per unit of time is
/// <c>Volatility × (Σ loading_k × factor_k + idiosyncratic × own_k)</c>, where every factor and the own
/// source has unit annual variance, so <see cref="Volatility"/> is the annualised volatility and two
/// drivers' correlation is the dot product of their loadings.
/// </summary>
/// <param name="Name">Asset code (<c>EUR</c>, <c>XAU</c>, <c>BTC</c>) or instrument name (<c>US500</c>).</param>
/// <param name="Volatility">Annualised volatility of the log price, e.g. 0.07 for 7 %.</param>
/// <param name="StartValue">Value at the start of the walk: USD per unit for assets, the price for instruments.</param>
/// <param name="Profile">Seasonality of the driver's own (idiosyncratic) moves.</param>
/// <param name="Loadings">Loadings on the common factors; the squares sum to at most 1.</param>
internal sealed record DriverDefinition(
    string Name, double Volatility, double StartValue, ActivityProfile Profile, IReadOnlyList<(string Factor, double Loading)> Loadings)
{
    /// <summary>Weight of the driver's own source: what the factors leave of the unit variance.</summary>
    /// <exception cref="InvalidOperationException">The factor loadings alone exceed unit variance (a catalogue error).</exception>
    public double IdiosyncraticLoading
    {
        get
        {
            double sum = 0;
            foreach (var (_, loading) in Loadings)
            {
                sum += loading * loading;
            }

            return sum <= 1
                ? Math.Sqrt(1 - sum)
                : throw new InvalidOperationException($"Driver {Name}: squared factor loadings sum to {sum.ToString("G4", CultureInfo.InvariantCulture)}, more than 1.");
        }
    }
}
