using System.Collections.Concurrent;
using MtMcp.Domain;
using MtMcp.Engine;

namespace MtMcp.Server.Market;

/// <summary>
/// The symbols of broker accounts as their brokers specify them (docs/bridge.md "Broker symbols"): a symbol a tool, the
/// risk gate or a strategy uses on a broker account is the broker's own (its name with any suffix, contract size,
/// volumes, margins, sessions), read once per account and kept for the server's lifetime. Each account's catalogue
/// is those specifications, then the server's symbols the broker's do not replace.
/// </summary>
/// <remarks>
/// The ESMA category, which no broker reports, comes from the server's catalogue when the broker's symbol is one of
/// its symbols (the same name, or the name with a prefix or suffix and the same currencies: <c>GER40.cash</c> is
/// GER40); otherwise from the specification (<see cref="EsmaLeverage.Infer"/>). Thread-safe.
/// </remarks>
internal sealed class BrokerSymbols(SymbolCatalog catalog)
{
    private readonly ConcurrentDictionary<string, AccountSymbols> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The server's catalogue (the paper venue's symbols).</summary>
    public SymbolCatalog ServerCatalog => catalog;

    /// <summary>The broker's specification of <paramref name="symbol"/> on <paramref name="gateway"/>'s account.</summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    /// <exception cref="BrokerSymbolException">The broker does not offer the symbol, or its specification cannot be modelled.</exception>
    public async Task<SymbolSpec> GetAsync(IBrokerGateway gateway, string symbol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var account = _accounts.GetOrAdd(gateway.Name, static _ => new AccountSymbols());
        if (account.TryGet(symbol, out var known))
        {
            return known;
        }

        var spec = await gateway.GetSymbolSpecAsync(symbol, cancellationToken).ConfigureAwait(false);
        return account.Add(spec with { AssetClass = CatalogueClass(spec) ?? spec.AssetClass });
    }

    /// <summary>
    /// The catalogue of <paramref name="gateway"/>'s account with every one of <paramref name="symbols"/> in it as its
    /// broker specifies it (read from the broker when not known yet).
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    /// <exception cref="BrokerSymbolException">The broker has no usable specification of one of the symbols.</exception>
    public async Task<SymbolCatalog> CatalogAsync(IBrokerGateway gateway, IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        foreach (var symbol in symbols)
        {
            await GetAsync(gateway, symbol, cancellationToken).ConfigureAwait(false);
        }

        return _accounts.TryGetValue(gateway.Name, out var account) ? account.Catalog(catalog) : catalog;
    }

    private EsmaAssetClass? CatalogueClass(SymbolSpec spec)
    {
        if (catalog.TryGet(spec.Name, out var same))
        {
            return same.AssetClass;
        }

        SymbolSpec? best = null;
        foreach (var candidate in catalog)
        {
            if (spec.Name.Contains(candidate.Name, StringComparison.OrdinalIgnoreCase)
                && candidate.CurrencyBase.Equals(spec.CurrencyBase, StringComparison.OrdinalIgnoreCase)
                && candidate.CurrencyProfit.Equals(spec.CurrencyProfit, StringComparison.OrdinalIgnoreCase)
                && (best is null || candidate.Name.Length > best.Name.Length))
            {
                best = candidate;
            }
        }

        return best?.AssetClass;
    }

    /// <summary>One account's broker specifications, and its catalogue rebuilt only when one is added.</summary>
    private sealed class AccountSymbols
    {
        private readonly Dictionary<string, SymbolSpec> _specs = new(StringComparer.OrdinalIgnoreCase);
        private SymbolCatalog? _catalog;

        public bool TryGet(string symbol, out SymbolSpec spec)
        {
            lock (_specs)
            {
                return _specs.TryGetValue(symbol, out spec!);
            }
        }

        /// <summary>Adds <paramref name="spec"/> unless a concurrent read added it first; returns the one kept.</summary>
        public SymbolSpec Add(SymbolSpec spec)
        {
            lock (_specs)
            {
                if (_specs.TryGetValue(spec.Name, out var first))
                {
                    return first;
                }

                _specs.Add(spec.Name, spec);
                _catalog = null;
                return spec;
            }
        }

        public SymbolCatalog Catalog(SymbolCatalog server)
        {
            lock (_specs)
            {
                // The broker's symbols first: a currency conversion takes the first pair it finds, and on this account
                // that must be the broker's (EURUSD.m), which is quoted, not the server's namesake.
                return _catalog ??= new SymbolCatalog(_specs.Values.Concat(server.Where(s => !_specs.ContainsKey(s.Name))));
            }
        }
    }
}
