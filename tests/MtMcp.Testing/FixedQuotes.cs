using System.Diagnostics.CodeAnalysis;
using MtMcp.Domain;

namespace MtMcp.Testing;

/// <summary>A quote table for tests: set a price, read it back.</summary>
public sealed class FixedQuotes : IQuoteProvider
{
    private readonly Dictionary<string, Quote> _quotes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets bid and ask of <paramref name="symbol"/>.</summary>
    public FixedQuotes Set(string symbol, double bid, double ask)
    {
        _quotes[symbol] = new Quote(bid, ask, 0);
        return this;
    }

    /// <summary>Sets bid = ask = <paramref name="price"/>, as the worked examples of the MT5 reference do.</summary>
    public FixedQuotes Set(string symbol, double price) => Set(symbol, price, price);

    /// <inheritdoc />
    public bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote)
    {
        if (_quotes.TryGetValue(symbol, out var found))
        {
            quote = found;
            return true;
        }

        quote = null;
        return false;
    }
}
