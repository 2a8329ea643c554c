namespace MtMcp.Domain;

/// <summary>The ESMA retail leverage caps per <see cref="EsmaAssetClass"/>.</summary>
public static class EsmaLeverage
{
    private static readonly string[] s_majorCurrencies = ["USD", "EUR", "JPY", "GBP", "CAD", "CHF"];

    /// <summary>The highest leverage ESMA allows a retail client to open with (30, 20, 10, 5 or 2).</summary>
    public static int MaxRetailLeverage(this EsmaAssetClass assetClass) => assetClass switch
    {
        EsmaAssetClass.MajorCurrencyPair => 30,
        EsmaAssetClass.NonMajorCurrencyPair or EsmaAssetClass.Gold or EsmaAssetClass.MajorIndex => 20,
        EsmaAssetClass.MinorIndex or EsmaAssetClass.Commodity => 10,
        EsmaAssetClass.Equity => 5,
        EsmaAssetClass.Crypto => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "Unknown ESMA asset class."),
    };

    /// <summary>Classifies a currency pair: major when both currencies are in {USD, EUR, JPY, GBP, CAD, CHF}.</summary>
    public static EsmaAssetClass ClassifyCurrencyPair(string baseCurrency, string quoteCurrency) =>
        IsMajor(baseCurrency) && IsMajor(quoteCurrency)
            ? EsmaAssetClass.MajorCurrencyPair
            : EsmaAssetClass.NonMajorCurrencyPair;

    private static bool IsMajor(string currency) =>
        Array.Exists(s_majorCurrencies, c => c.Equals(currency, StringComparison.OrdinalIgnoreCase));
}
