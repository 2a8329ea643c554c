namespace MtMcp.DemoMarket.Model;

/// <summary>
/// When in the week a source of price moves is active: the intraday seasonality of its variance.
/// </summary>
internal enum ActivityProfile
{
    /// <summary>Dollar news: quiet in Asia, busy in London and most of all in the London/New York overlap.</summary>
    Usd,

    /// <summary>European currencies: busiest in the London session.</summary>
    Europe,

    /// <summary>Asia-Pacific currencies: busy in Tokyo and Sydney hours, still active in London.</summary>
    Asia,

    /// <summary>Global risk, commodities and metals: London and New York.</summary>
    Global,

    /// <summary>US equity indices: concentrated in the New York cash session.</summary>
    UsEquity,

    /// <summary>European equity indices: concentrated in the European cash session.</summary>
    EuropeEquity,

    /// <summary>Asian equity indices: concentrated in the Tokyo cash session.</summary>
    AsiaEquity,

    /// <summary>Crypto: around the clock, a little busier in US hours and a little quieter at weekends.</summary>
    Crypto,
}
