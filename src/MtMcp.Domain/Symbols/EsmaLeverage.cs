namespace MtMcp.Domain;

/// <summary>The ESMA retail leverage caps per <see cref="EsmaAssetClass"/>.</summary>
public static class EsmaLeverage
{
    private static readonly string[] s_majorCurrencies = ["USD", "EUR", "JPY", "GBP", "CAD", "CHF"];

    // Precious metals quoted like currencies (XAGUSD); gold is its own category.
    private static readonly string[] s_metals = ["XAG", "XPT", "XPD"];

    // Cryptocurrency and stablecoin codes brokers use as base or profit currency.
    private static readonly string[] s_cryptoCurrencies = ["BTC", "ETH", "LTC", "XRP", "BCH", "ADA", "DOT", "SOL", "DOGE", "XLM", "EOS", "USDT", "USDC", "BNB", "LINK", "AVAX", "TRX"];

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

    /// <summary>
    /// The category of a symbol known only from its broker specification (a broker symbol outside the catalogue):
    /// from its calc mode, currencies and symbol-tree path. Where the specification leaves the category open, the
    /// stricter cap wins: an index not known to be major counts as minor (10:1), an unrecognised CFD as an equity (5:1).
    /// </summary>
    public static EsmaAssetClass Infer(SymbolCalcMode calcMode, string baseCurrency, string profitCurrency, string path)
    {
        ArgumentNullException.ThrowIfNull(baseCurrency);
        ArgumentNullException.ThrowIfNull(profitCurrency);
        ArgumentNullException.ThrowIfNull(path);
        if (IsCrypto(baseCurrency) || IsCrypto(profitCurrency) || PathHas(path, "crypto"))
        {
            return EsmaAssetClass.Crypto;
        }

        if (baseCurrency.Equals("XAU", StringComparison.OrdinalIgnoreCase) || PathHas(path, "gold"))
        {
            return EsmaAssetClass.Gold;
        }

        if (baseCurrency.StartsWith('X') && Array.Exists(s_metals, m => m.Equals(baseCurrency, StringComparison.OrdinalIgnoreCase)))
        {
            return EsmaAssetClass.Commodity;
        }

        if (calcMode is SymbolCalcMode.Forex or SymbolCalcMode.ForexNoLeverage)
        {
            return ClassifyCurrencyPair(baseCurrency, profitCurrency);
        }

        if (calcMode is SymbolCalcMode.ExchStocks or SymbolCalcMode.ExchStocksMoex || PathHas(path, "stock") || PathHas(path, "share") || PathHas(path, "equit"))
        {
            return EsmaAssetClass.Equity;
        }

        if (calcMode == SymbolCalcMode.CfdIndex || PathHas(path, "indic") || PathHas(path, "index"))
        {
            return EsmaAssetClass.MinorIndex;
        }

        return PathHas(path, "commodit") || PathHas(path, "energ") || PathHas(path, "metal") || PathHas(path, "oil") || PathHas(path, "agri")
            ? EsmaAssetClass.Commodity
            : EsmaAssetClass.Equity;
    }

    private static bool PathHas(string path, string word) => path.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsCrypto(string currency) =>
        Array.Exists(s_cryptoCurrencies, c => c.Equals(currency, StringComparison.OrdinalIgnoreCase));

    private static bool IsMajor(string currency) =>
        Array.Exists(s_majorCurrencies, c => c.Equals(currency, StringComparison.OrdinalIgnoreCase));
}
