using MtMcp.Testing;

namespace MtMcp.Engine.Tests.Accounting;

/// <summary>
/// A fixed market for the accounting tests: the built-in catalogue's specs and one quote per symbol, with a
/// spread, so every test can say which side of each rate it expects.
/// </summary>
internal static class Market
{
    public static SymbolCatalog Catalog => SymbolCatalog.BuiltIn;

    // Bid, ask. EURUSD bid 1.10000 / ask 1.10010: USD→EUR costs 1/1.10000 (pay), earns 1/1.10010 (receive).
    public static readonly (string Symbol, double Bid, double Ask)[] Quotes =
    [
        ("EURUSD", 1.10000, 1.10010),
        ("GBPUSD", 1.27000, 1.27015),
        ("USDJPY", 150.000, 150.020),
        ("EURGBP", 0.85000, 0.85012),
        ("EURJPY", 165.000, 165.030),
        ("XAUUSD", 2300.00, 2300.25),
        ("US500", 5000.00, 5000.50),
        ("GER40", 18000.00, 18001.20),
        ("BTCUSD", 60000.00, 60025.00),
    ];

    public static FixedQuotes FixedQuotes()
    {
        var quotes = new FixedQuotes();
        foreach (var (symbol, bid, ask) in Quotes)
        {
            quotes.Set(symbol, bid, ask);
        }

        return quotes;
    }

    public static CurrencyConverter Converter() => new(Catalog, FixedQuotes());

    public static SymbolSpec Spec(string symbol) => Catalog.Get(symbol);

    public static Quote QuoteOf(string symbol)
    {
        foreach (var (name, bid, ask) in Quotes)
        {
            if (name == symbol)
            {
                return new Quote(bid, ask, 0);
            }
        }

        throw new ArgumentException($"No fixed quote for {symbol}.", nameof(symbol));
    }

    private static ulong s_nextTicket = 1000;

    public static Position Position(string symbol, PositionType type, decimal lots, double open) => new()
    {
        Ticket = Interlocked.Increment(ref s_nextTicket),
        Symbol = symbol,
        Type = type,
        Volume = lots,
        PriceOpen = open,
        TimeMs = 0,
    };
}
