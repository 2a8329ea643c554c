namespace MtMcp.Risk;

/// <summary>
/// The largest leverage allowed per underlying class (<c>compliance.leverage_limits</c>), as N of N:1; 0 = no cap.
/// The required margin of a position is its notional divided by its class's cap (risk.md §1.1).
/// </summary>
/// <param name="ForexMajor">Major currency pairs (<c>forex_major</c>).</param>
/// <param name="ForexMinor">Other currency pairs (<c>forex_minor</c>).</param>
/// <param name="Gold">Gold (<c>gold</c>).</param>
/// <param name="IndicesMajor">Major equity indices (<c>indices_major</c>).</param>
/// <param name="IndicesMinor">Other equity indices (<c>indices_minor</c>).</param>
/// <param name="Commodities">Commodities other than gold (<c>commodities</c>).</param>
/// <param name="Equities">Individual equities and other reference values (<c>equities</c>).</param>
/// <param name="Crypto">Cryptocurrencies (<c>crypto</c>).</param>
public sealed record LeverageCaps(int ForexMajor, int ForexMinor, int Gold, int IndicesMajor, int IndicesMinor, int Commodities, int Equities, int Crypto)
{
    // NFA Financial Requirements §12: 2 % security deposit on these currencies (both legs, an interpretation: risk.md §1.2).
    private static readonly string[] s_nfaMajorCurrencies = ["USD", "GBP", "CHF", "CAD", "JPY", "EUR", "AUD", "NZD", "SEK", "NOK", "DKK"];

    /// <summary>ESMA retail: 30, 20, 20, 20, 10, 10, 5, 2.</summary>
    public static LeverageCaps EuRetail { get; } = new(30, 20, 20, 20, 10, 10, 5, 2);

    /// <summary>
    /// NFA/CFTC retail forex: 50 on pairs of the listed currencies, 20 on other pairs. CFDs are not offered to US retail
    /// clients; the preset keeps the ESMA caps for them rather than inventing others.
    /// </summary>
    public static LeverageCaps UsRetailFx { get; } = new(50, 20, 20, 20, 10, 10, 5, 2);

    /// <summary>Professional: no caps.</summary>
    public static LeverageCaps Professional { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The preset of <paramref name="profile"/>.</summary>
    public static LeverageCaps For(ComplianceProfile profile) => profile switch
    {
        ComplianceProfile.UsRetailFx => UsRetailFx,
        ComplianceProfile.Professional => Professional,
        _ => EuRetail,
    };

    /// <summary>
    /// The cap of <paramref name="spec"/> under <paramref name="profile"/>: by its ESMA class, except that the US profile
    /// treats a currency pair as major when both currencies are on the NFA list (so AUDUSD gets 50:1 there, 20:1 in the EU).
    /// </summary>
    public int CapFor(SymbolSpec spec, ComplianceProfile profile) => CapFor(ClassOf(spec, profile));

    /// <summary>
    /// The class whose cap applies to <paramref name="spec"/> under <paramref name="profile"/>: its ESMA class, except that
    /// the US profile makes a currency pair major when both currencies are on the NFA list.
    /// </summary>
    public static EsmaAssetClass ClassOf(SymbolSpec spec, ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var assetClass = spec.AssetClass;
        if (profile == ComplianceProfile.UsRetailFx && assetClass is EsmaAssetClass.MajorCurrencyPair or EsmaAssetClass.NonMajorCurrencyPair)
        {
            assetClass = IsNfaMajor(spec.CurrencyBase) && IsNfaMajor(spec.CurrencyProfit) ? EsmaAssetClass.MajorCurrencyPair : EsmaAssetClass.NonMajorCurrencyPair;
        }

        return assetClass;
    }

    /// <summary>The configuration key of a class under <c>compliance.leverage_limits</c> (<c>forex_major</c>, <c>gold</c>, …).</summary>
    public static string KeyOf(EsmaAssetClass assetClass) => assetClass switch
    {
        EsmaAssetClass.MajorCurrencyPair => "forex_major",
        EsmaAssetClass.NonMajorCurrencyPair => "forex_minor",
        EsmaAssetClass.Gold => "gold",
        EsmaAssetClass.MajorIndex => "indices_major",
        EsmaAssetClass.MinorIndex => "indices_minor",
        EsmaAssetClass.Commodity => "commodities",
        EsmaAssetClass.Crypto => "crypto",
        _ => "equities",
    };

    /// <summary>The cap of an ESMA class.</summary>
    public int CapFor(EsmaAssetClass assetClass) => assetClass switch
    {
        EsmaAssetClass.MajorCurrencyPair => ForexMajor,
        EsmaAssetClass.NonMajorCurrencyPair => ForexMinor,
        EsmaAssetClass.Gold => Gold,
        EsmaAssetClass.MajorIndex => IndicesMajor,
        EsmaAssetClass.MinorIndex => IndicesMinor,
        EsmaAssetClass.Commodity => Commodities,
        EsmaAssetClass.Equity => Equities,
        EsmaAssetClass.Crypto => Crypto,
        _ => Equities, // an unknown class gets the equities cap, the most restrictive but crypto's (risk.md §1.1)
    };

    // A loop, not Array.Exists: the gate asks this per symbol per order, and a capturing lambda allocates.
    private static bool IsNfaMajor(string currency)
    {
        foreach (var major in s_nfaMajorCurrencies)
        {
            if (major.Equals(currency, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
