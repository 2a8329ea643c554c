using System.Globalization;
namespace MtMcp.Engine;

/// <summary>
/// One quote board and the accounts trading on it: every tick updates the board, then each account sees it.
/// The paper service and the backtester drive it.
/// </summary>
/// <remarks>Not thread-safe: one writer feeds ticks and sends requests.</remarks>
[Mutable]
public sealed class SimulatedVenue
{
    private readonly List<TradingAccount> _accounts = [];

    /// <summary>Creates a venue with an empty board over <paramref name="catalog"/>.</summary>
    public SimulatedVenue(SymbolCatalog catalog) => Quotes = new QuoteBoard(catalog);

    /// <summary>The latest quotes.</summary>
    public QuoteBoard Quotes { get; }

    /// <summary>The accounts, in the order they were added.</summary>
    public IReadOnlyList<TradingAccount> Accounts => _accounts;

    /// <summary>Opens a new account on this venue's board.</summary>
    public TradingAccount Open(string name, AccountSettings settings, decimal initialDeposit, long timeMs) =>
        Add(new TradingAccount(name, settings, Quotes, initialDeposit, timeMs));

    /// <summary>Adds an account (for example a restored one) that trades on this venue's board.</summary>
    /// <exception cref="ArgumentException">The account trades on another board.</exception>
    public TradingAccount Add(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!ReferenceEquals(account.Quotes, Quotes))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Account '{account.Name}' trades on another quote board."), nameof(account));
        }

        _accounts.Add(account);
        return account;
    }

    /// <summary>Removes an account; false when it was not on this venue.</summary>
    public bool Remove(TradingAccount account) => _accounts.Remove(account);

    /// <summary>Applies one tick of symbol <paramref name="symbolId"/>: the board, then every account.</summary>
    public void OnTick(int symbolId, in Tick tick)
    {
        Quotes.Update(symbolId, tick.Bid, tick.Ask, tick.TimeMs);
        foreach (var account in _accounts)
        {
            account.OnQuote(symbolId);
        }
    }
}
