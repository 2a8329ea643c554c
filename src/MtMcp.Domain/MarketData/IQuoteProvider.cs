using System.Diagnostics.CodeAnalysis;

namespace MtMcp.Domain;

/// <summary>Anything that knows the current quote of a symbol: a venue, a replay, a fixed table in tests.</summary>
public interface IQuoteProvider
{
    /// <summary>The latest quote of <paramref name="symbol"/>, if there is one.</summary>
    bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote);
}
