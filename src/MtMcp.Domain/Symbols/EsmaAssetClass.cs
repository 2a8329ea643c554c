namespace MtMcp.Domain;

/// <summary>
/// Underlying categories of the ESMA retail CFD leverage limits (Decision (EU) 2018/796).
/// </summary>
public enum EsmaAssetClass
{
    /// <summary>Both currencies in {USD, EUR, JPY, GBP, CAD, CHF}: 30:1.</summary>
    MajorCurrencyPair,

    /// <summary>Any other currency pair: 20:1.</summary>
    NonMajorCurrencyPair,

    /// <summary>Gold: 20:1.</summary>
    Gold,

    /// <summary>Major equity index (S&amp;P 500, Dow, Nasdaq 100, DAX, FTSE 100, CAC 40, Nikkei 225, ASX 200, EURO STOXX 50): 20:1.</summary>
    MajorIndex,

    /// <summary>Other equity index: 10:1.</summary>
    MinorIndex,

    /// <summary>Commodity other than gold (silver, oil, gas): 10:1.</summary>
    Commodity,

    /// <summary>Individual equity or other reference value: 5:1.</summary>
    Equity,

    /// <summary>Cryptocurrency: 2:1.</summary>
    Crypto,
}
