using System.Collections.Concurrent;

namespace MtMcp.Domain;

/// <summary>
/// Converts money between currencies through the catalogue's currency pairs and the current quotes:
/// a direct pair multiplies, an inverse pair divides, otherwise the amount crosses through USD (then EUR).
/// </summary>
/// <remarks>Thread-safe; the conversion path per currency pair is resolved once and cached.</remarks>
[Immutable]
public sealed class CurrencyConverter
{
    private static readonly string[] s_crossCurrencies = ["USD", "EUR"];

    private readonly SymbolCatalog _catalog;
    private readonly IQuoteProvider _quotes;
    private readonly ConcurrentDictionary<(string From, string To), Path> _paths = new();

    // The path used last: an account converts the same pair again and again (its margin and profit currencies), and
    // comparing two string references is cheaper than hashing the names. One reference, so threads see a whole path.
    private Path? _last;

    /// <summary>Creates a converter over <paramref name="catalog"/>'s pairs priced by <paramref name="quotes"/>.</summary>
    public CurrencyConverter(SymbolCatalog catalog, IQuoteProvider quotes)
    {
        _catalog = catalog;
        _quotes = quotes;
    }

    /// <summary>
    /// Converts <paramref name="amount"/> from one currency to another; a positive amount converts on the
    /// <see cref="ConversionSide.Receive"/> side, a negative one on the <see cref="ConversionSide.Pay"/> side.
    /// </summary>
    /// <exception cref="InvalidOperationException">No pair connects the currencies, or a pair has no quote.</exception>
    public double Convert(double amount, string from, string to) =>
        amount * Rate(from, to, amount >= 0 ? ConversionSide.Receive : ConversionSide.Pay);

    /// <summary>Converts a non-negative amount you pay (such as a margin) on the <see cref="ConversionSide.Pay"/> side.</summary>
    public double ConvertCost(double amount, string from, string to) => amount * Rate(from, to, ConversionSide.Pay);

    /// <summary>How many units of <paramref name="to"/> one unit of <paramref name="from"/> is worth on the given side.</summary>
    /// <exception cref="InvalidOperationException">No pair connects the currencies, or a pair has no quote.</exception>
    public double Rate(string from, string to, ConversionSide side)
    {
        if (from.Equals(to, StringComparison.OrdinalIgnoreCase))
        {
            return 1.0;
        }

        var path = _last;
        if (path is null || !ReferenceEquals(path.From, from) || !ReferenceEquals(path.To, to))
        {
            path = _paths.GetOrAdd((from, to), static (key, self) => new Path(key.From, key.To, self.FindPath(key.From, key.To)), this);
            _last = path;
        }

        var rate = 1.0;
        foreach (var leg in path.Legs)
        {
            if (!_quotes.TryGetQuote(leg.Symbol, out var quote))
            {
                throw new InvalidOperationException($"No quote for {leg.Symbol}, needed to convert {from} to {to}.");
            }

            // Selling the base currency earns the bid, buying it costs the ask: money received converts at
            // the rate that yields less, money paid at the rate that costs more.
            var q = quote.Value;
            rate *= leg.Inverse
                ? 1.0 / (side == ConversionSide.Receive ? q.Ask : q.Bid)
                : side == ConversionSide.Receive ? q.Bid : q.Ask;
        }

        return rate;
    }

    private Leg[] FindPath(string from, string to)
    {
        if (FindLeg(from, to) is { } direct)
        {
            return [direct];
        }

        foreach (var cross in s_crossCurrencies)
        {
            if (FindLeg(from, cross) is { } first && FindLeg(cross, to) is { } second)
            {
                return [first, second];
            }
        }

        throw new InvalidOperationException(
            $"Cannot convert {from} to {to}: no currency pair links them directly or through USD or EUR. Add a symbol such as {from}{to}.");
    }

    private Leg? FindLeg(string from, string to)
    {
        Leg? fallback = null;
        foreach (var symbol in _catalog)
        {
            // A pair trades one currency against another; an index or metal CFD priced in USD is no rate.
            var isPair = symbol.IsForex || symbol.CurrencyBase.Length == 3 && symbol.CurrencyBase != symbol.CurrencyProfit;
            if (!isPair)
            {
                continue;
            }

            Leg? leg = null;
            if (symbol.CurrencyBase.Equals(from, StringComparison.OrdinalIgnoreCase) && symbol.CurrencyProfit.Equals(to, StringComparison.OrdinalIgnoreCase))
            {
                leg = new Leg(symbol.Name, Inverse: false);
            }
            else if (symbol.CurrencyBase.Equals(to, StringComparison.OrdinalIgnoreCase) && symbol.CurrencyProfit.Equals(from, StringComparison.OrdinalIgnoreCase))
            {
                leg = new Leg(symbol.Name, Inverse: true);
            }

            if (leg is not null && symbol.IsForex)
            {
                return leg;
            }

            fallback ??= leg;
        }

        return fallback;
    }

    private sealed record Leg(string Symbol, bool Inverse);

    private sealed record Path(string From, string To, Leg[] Legs);
}
