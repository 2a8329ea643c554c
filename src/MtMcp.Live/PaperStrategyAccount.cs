using MtMcp.Paper;

namespace MtMcp.Live;

/// <summary>A paper account as a live strategy trades it: every call goes to the paper service under its lock.</summary>
public sealed class PaperStrategyAccount(PaperTradingService paper, string name) : IStrategyAccount
{
    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public string Venue => LiveStrategyService.PaperVenue;

    /// <inheritdoc/>
    public SymbolSpec Spec(string symbol) =>
        paper.Read(Name, a => a.Quotes.TryGetId(symbol, out var id) ? a.Quotes.Spec(id) : null)
        ?? throw new ArgumentException($"Symbol {symbol} is not traded on paper account {Name}.", nameof(symbol));

    /// <inheritdoc/>
    public IDisposable? ListenQuotes(string symbol, Action<Tick> onQuote) => null;

    /// <inheritdoc/>
    public T Read<T>(Func<TradingAccount, T> read) => paper.Read(Name, read);

    /// <inheritdoc/>
    public void Refresh()
    {
        // Every read sees the account as it is.
    }

    /// <inheritdoc/>
    public TradeResult Send(TradeRequest request, TradeOrigin origin) => paper.Send(Name, request, origin);

    /// <inheritdoc/>
    public void Flatten(ulong magic, TradeOrigin origin)
    {
        paper.CancelAll(Name, new OrderFilter(Magic: magic), origin);
        paper.CloseAll(Name, new PositionFilter(Magic: magic), origin);
    }

    /// <inheritdoc/>
    public StrategyBook Book(ulong magic, long sinceMs) => paper.Read(Name, account =>
    {
        var positions = new List<PositionState>();
        double floating = 0;
        foreach (var position in account.Positions)
        {
            if (position.Magic != magic)
            {
                continue;
            }

            floating += account.FloatingProfit(position);
            positions.Add(account.StateOf(position));
        }

        // Every deal of the magic: a replayed venue's clock is not the wall clock the start time was read from.
        var deals = account.Deals(new HistoryQuery(long.MinValue, long.MaxValue, Magic: magic));
        return new StrategyBook(positions, floating, deals.Sum(d => d.Profit + d.Swap + d.Commission), deals.Count);
    });
}
