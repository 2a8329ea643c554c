using MtMcp.Domain;

namespace MtMcp.DemoMarket.Model;

/// <summary>
/// The demo market's parameters: common factors, and for every known asset and instrument its
/// volatility, starting value and factor loadings; defaults by asset class for the rest.
/// </summary>
/// <remarks>
/// Volatilities are long-run realised levels of the 2015–2024 decade, starting values are mid-2024
/// levels, and loadings are chosen so the implied correlations match typical daily-return correlations
/// (EURUSD/USDCHF ≈ −0.8, AUDUSD/NZDUSD ≈ 0.9, XAU/XAG ≈ 0.8, US500/NAS100 ≈ 0.9, WTI/Brent ≈ 0.9).
/// </remarks>
internal static class DriverCatalog
{
    /// <summary>The dollar: a driver of its own is not needed, it is the numeraire.</summary>
    public const string Numeraire = "USD";

    // Factor names double as stream names; the seasonality of each factor's moves.
    private static readonly Dictionary<string, ActivityProfile> s_factors = new(StringComparer.Ordinal)
    {
        ["USD"] = ActivityProfile.Usd,
        ["EUROPE"] = ActivityProfile.Europe,
        ["COMMODITY"] = ActivityProfile.Global,
        ["OCEANIA"] = ActivityProfile.Asia,
        ["RISK"] = ActivityProfile.Global,
        ["EM"] = ActivityProfile.Global,
        ["METALS"] = ActivityProfile.Global,
        ["OIL"] = ActivityProfile.Global,
        ["EQUITY"] = ActivityProfile.UsEquity,
        ["US_EQUITY"] = ActivityProfile.UsEquity,
        ["EU_EQUITY"] = ActivityProfile.EuropeEquity,
        ["ASIA_EQUITY"] = ActivityProfile.AsiaEquity,
        ["CRYPTO"] = ActivityProfile.Crypto,
    };

    private static readonly Dictionary<string, DriverDefinition> s_assets = Build(
        // Currencies, in USD per unit.
        D("EUR", 0.07, 1.085, ActivityProfile.Europe, ("USD", 0.75), ("EUROPE", 0.55)),
        D("GBP", 0.08, 1.27, ActivityProfile.Europe, ("USD", 0.65), ("EUROPE", 0.35), ("RISK", 0.1)),
        D("CHF", 0.075, 1 / 0.88, ActivityProfile.Europe, ("USD", 0.62), ("EUROPE", 0.55), ("RISK", -0.2)),
        D("JPY", 0.09, 1 / 150.0, ActivityProfile.Asia, ("USD", 0.55), ("RISK", -0.4)),
        D("AUD", 0.10, 0.66, ActivityProfile.Asia, ("USD", 0.5), ("COMMODITY", 0.4), ("RISK", 0.3), ("OCEANIA", 0.6)),
        D("NZD", 0.105, 0.60, ActivityProfile.Asia, ("USD", 0.5), ("COMMODITY", 0.35), ("RISK", 0.25), ("OCEANIA", 0.7)),
        D("CAD", 0.06, 1 / 1.36, ActivityProfile.Usd, ("USD", 0.45), ("COMMODITY", 0.4), ("OIL", 0.25), ("RISK", 0.15)),
        D("SEK", 0.10, 1 / 10.5, ActivityProfile.Europe, ("USD", 0.55), ("EUROPE", 0.5), ("RISK", 0.2)),
        D("NOK", 0.11, 1 / 10.7, ActivityProfile.Europe, ("USD", 0.5), ("EUROPE", 0.4), ("COMMODITY", 0.3), ("OIL", 0.2), ("RISK", 0.2)),
        D("DKK", 0.07, 1 / 6.88, ActivityProfile.Europe, ("USD", 0.75), ("EUROPE", 0.55), ("EUR~", 0.36)),
        D("PLN", 0.11, 1 / 4.0, ActivityProfile.Europe, ("USD", 0.55), ("EUROPE", 0.45), ("EM", 0.3), ("RISK", 0.2)),
        D("SGD", 0.045, 1 / 1.34, ActivityProfile.Asia, ("USD", 0.7), ("EM", 0.3), ("RISK", 0.2)),
        D("HKD", 0.005, 1 / 7.8, ActivityProfile.Asia),
        D("CNH", 0.04, 1 / 7.25, ActivityProfile.Asia, ("USD", 0.6), ("EM", 0.4)),
        D("MXN", 0.13, 1 / 17.5, ActivityProfile.Usd, ("USD", 0.3), ("EM", 0.6), ("RISK", 0.35)),
        D("ZAR", 0.16, 1 / 18.5, ActivityProfile.Europe, ("USD", 0.35), ("EM", 0.6), ("RISK", 0.35), ("COMMODITY", 0.2)),
        D("TRY", 0.15, 1 / 32.0, ActivityProfile.Europe, ("USD", 0.2), ("EM", 0.5)),

        // Metals, in USD per troy ounce.
        D("XAU", 0.15, 2350, ActivityProfile.Global, ("USD", 0.45), ("METALS", 0.8)),
        D("XAG", 0.25, 28, ActivityProfile.Global, ("USD", 0.35), ("METALS", 0.8), ("COMMODITY", 0.2)),
        D("XPT", 0.22, 950, ActivityProfile.Global, ("USD", 0.3), ("METALS", 0.5), ("COMMODITY", 0.3), ("RISK", 0.2)),
        D("XPD", 0.30, 1000, ActivityProfile.Global, ("USD", 0.25), ("METALS", 0.4), ("COMMODITY", 0.3), ("RISK", 0.2)),

        // Crypto, in USD per coin.
        D("BTC", 0.60, 65000, ActivityProfile.Crypto, ("CRYPTO", 0.85), ("RISK", 0.25)),
        D("ETH", 0.75, 3300, ActivityProfile.Crypto, ("CRYPTO", 0.9), ("RISK", 0.25)),
        D("LTC", 0.80, 80, ActivityProfile.Crypto, ("CRYPTO", 0.8), ("RISK", 0.2)),
        D("XRP", 0.85, 0.5, ActivityProfile.Crypto, ("CRYPTO", 0.7), ("RISK", 0.2)),
        D("SOL", 0.90, 150, ActivityProfile.Crypto, ("CRYPTO", 0.75), ("RISK", 0.25)));

    private static readonly Dictionary<string, DriverDefinition> s_instruments = Build(
        // Equity indices, in index points of their own currency.
        D("US500", 0.18, 5200, ActivityProfile.UsEquity, ("EQUITY", 0.75), ("RISK", 0.35), ("US_EQUITY", 0.5)),
        D("US30", 0.16, 39000, ActivityProfile.UsEquity, ("EQUITY", 0.7), ("RISK", 0.35), ("US_EQUITY", 0.5)),
        D("NAS100", 0.22, 18000, ActivityProfile.UsEquity, ("EQUITY", 0.7), ("RISK", 0.35), ("US_EQUITY", 0.5)),
        D("US2000", 0.23, 2050, ActivityProfile.UsEquity, ("EQUITY", 0.6), ("RISK", 0.35), ("US_EQUITY", 0.45)),
        D("GER40", 0.19, 18000, ActivityProfile.EuropeEquity, ("EQUITY", 0.65), ("RISK", 0.35), ("EU_EQUITY", 0.55)),
        D("FRA40", 0.18, 8000, ActivityProfile.EuropeEquity, ("EQUITY", 0.6), ("RISK", 0.35), ("EU_EQUITY", 0.6)),
        D("EU50", 0.19, 4900, ActivityProfile.EuropeEquity, ("EQUITY", 0.62), ("RISK", 0.35), ("EU_EQUITY", 0.6)),
        D("UK100", 0.15, 8000, ActivityProfile.EuropeEquity, ("EQUITY", 0.55), ("RISK", 0.3), ("EU_EQUITY", 0.45)),
        D("JP225", 0.22, 38500, ActivityProfile.AsiaEquity, ("EQUITY", 0.5), ("RISK", 0.35), ("ASIA_EQUITY", 0.5)),
        D("AUS200", 0.15, 7700, ActivityProfile.AsiaEquity, ("EQUITY", 0.45), ("RISK", 0.3), ("ASIA_EQUITY", 0.5)),
        D("HK50", 0.25, 17000, ActivityProfile.AsiaEquity, ("EQUITY", 0.4), ("RISK", 0.3), ("ASIA_EQUITY", 0.5), ("EM", 0.2)),

        // Energies, in USD per barrel or MMBtu.
        D("XTIUSD", 0.35, 78, ActivityProfile.Global, ("OIL", 0.85), ("COMMODITY", 0.3), ("RISK", 0.2)),
        D("XBRUSD", 0.33, 82, ActivityProfile.Global, ("OIL", 0.87), ("COMMODITY", 0.3), ("RISK", 0.2)),
        D("XNGUSD", 0.60, 2.5, ActivityProfile.Global, ("OIL", 0.3), ("COMMODITY", 0.15)));

    /// <summary>The common factors and the seasonality of their moves.</summary>
    public static IReadOnlyDictionary<string, ActivityProfile> Factors => s_factors;

    /// <summary>Every asset (valued in dollars) with its own parameters.</summary>
    public static IReadOnlyCollection<DriverDefinition> KnownAssets => s_assets.Values;

    /// <summary>Every instrument (valued in its own currency) with its own parameters.</summary>
    public static IReadOnlyCollection<DriverDefinition> KnownInstruments => s_instruments.Values;

    /// <summary>Whether <paramref name="code"/> is an asset with its own parameters (a currency, metal or coin).</summary>
    public static bool IsKnownAsset(string code) => s_assets.ContainsKey(code);

    /// <summary>The name of the idiosyncratic source of <paramref name="driver"/>; other drivers may load on it (DKK on EUR's).</summary>
    public static string OwnSourceName(string driver) => driver + "~";

    /// <summary>
    /// The definition of the asset <paramref name="code"/> (valued in USD), or a default by the asset class of
    /// the symbol that needs it: a currency at 10 % worth 1 USD, a coin at 80 % worth 1 USD, a metal like silver.
    /// </summary>
    public static DriverDefinition Asset(string code, EsmaAssetClass assetClass) =>
        s_assets.TryGetValue(code, out var known) ? known : assetClass switch
        {
            EsmaAssetClass.Crypto => D(code, 0.80, 1, ActivityProfile.Crypto, ("CRYPTO", 0.75), ("RISK", 0.2)),
            EsmaAssetClass.Gold or EsmaAssetClass.Commodity => D(code, 0.25, 1, ActivityProfile.Global, ("USD", 0.3), ("METALS", 0.6), ("COMMODITY", 0.3)),
            _ => D(code, 0.10, 1, ActivityProfile.Global, ("USD", 0.5), ("EM", 0.3), ("RISK", 0.2)),
        };

    /// <summary>
    /// The definition of the instrument <paramref name="name"/> (valued in <paramref name="currency"/>), or a default
    /// by asset class at a price of 100: an index at 20 % on the equity factors of its currency's region, a
    /// commodity at 30 %, a single stock at 30 %.
    /// </summary>
    public static DriverDefinition Instrument(string name, string currency, EsmaAssetClass assetClass)
    {
        if (s_instruments.TryGetValue(name, out var known))
        {
            return known;
        }

        var (profile, regional) = currency switch
        {
            "USD" or "CAD" or "MXN" => (ActivityProfile.UsEquity, "US_EQUITY"),
            "JPY" or "AUD" or "NZD" or "HKD" or "SGD" or "CNH" => (ActivityProfile.AsiaEquity, "ASIA_EQUITY"),
            _ => (ActivityProfile.EuropeEquity, "EU_EQUITY"),
        };
        return assetClass switch
        {
            EsmaAssetClass.MajorIndex or EsmaAssetClass.MinorIndex => D(name, 0.20, 100, profile, ("EQUITY", 0.6), ("RISK", 0.35), (regional, 0.45)),
            EsmaAssetClass.Equity => D(name, 0.30, 100, profile, ("EQUITY", 0.45), ("RISK", 0.25), (regional, 0.3)),
            EsmaAssetClass.Crypto => D(name, 0.80, 100, ActivityProfile.Crypto, ("CRYPTO", 0.75), ("RISK", 0.2)),
            EsmaAssetClass.Gold => D(name, 0.15, 100, ActivityProfile.Global, ("USD", 0.45), ("METALS", 0.8)),
            _ => D(name, 0.30, 100, ActivityProfile.Global, ("OIL", 0.5), ("COMMODITY", 0.4), ("RISK", 0.2)),
        };
    }

    private static DriverDefinition D(string name, double volatility, double start, ActivityProfile profile, params (string, double)[] loadings) =>
        new(name, volatility, start, profile, loadings);

    private static Dictionary<string, DriverDefinition> Build(params DriverDefinition[] definitions)
    {
        var byName = new Dictionary<string, DriverDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            byName.Add(definition.Name, definition);
        }

        return byName;
    }
}
