namespace MtMcp.Live;

/// <summary>
/// One account as a live strategy trades it: a paper account (<see cref="PaperStrategyAccount"/>) or a broker account,
/// whose implementation (the server's) sends through the same risk gate and audit trail as the trading tools.
/// </summary>
/// <remarks>
/// Every call blocks until the venue answered. A broker account's strategy therefore runs on a thread of its own, fed
/// by <see cref="ListenQuotes"/>; a paper account's runs inside the paper feed's tick. One instance serves one strategy
/// (or one status read): instances are not shared between threads.
/// </remarks>
public interface IStrategyAccount
{
    /// <summary>The account's name.</summary>
    string Name { get; }

    /// <summary>Where the account is: <c>paper</c>, or the broker gateway's venue (<c>metatrader</c>, <c>metaapi</c>).</summary>
    string Venue { get; }

    /// <summary>The spec of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The account does not trade the symbol.</exception>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    SymbolSpec Spec(string symbol);

    /// <summary>
    /// Streams the quotes of <paramref name="symbol"/> to <paramref name="onQuote"/> (on the venue's thread; it must not
    /// block) until the result is disposed; null for a paper account, whose strategies the paper feed drives.
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    IDisposable? ListenQuotes(string symbol, Action<Tick> onQuote);

    /// <summary>Reads the account: a paper account under its lock; a broker account from a view read once until <see cref="Refresh"/>.</summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    T Read<T>(Func<TradingAccount, T> read);

    /// <summary>Forgets what <see cref="Read{T}"/> read, so the next read sees the venue now (after a tick, after an order).</summary>
    void Refresh();

    /// <summary>Sends a request through the account's order path (risk gate, audit trail).</summary>
    TradeResult Send(TradeRequest request, TradeOrigin origin);

    /// <summary>Cancels the working orders and closes the positions carrying <paramref name="magic"/>, audited with <paramref name="origin"/>.</summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    void Flatten(ulong magic, TradeOrigin origin);

    /// <summary>
    /// The positions and deals carrying <paramref name="magic"/>: a broker's deals since <paramref name="sinceMs"/> (Unix ms,
    /// the strategy's start, so an older program's orders with the same magic do not count), a paper account's all.
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    StrategyBook Book(ulong magic, long sinceMs);
}

/// <summary>What a strategy holds and has done on its account.</summary>
/// <param name="Positions">Its open positions with their current price and floating profit (swap apart).</param>
/// <param name="FloatingProfit">Open profit of those positions, swaps included, account currency.</param>
/// <param name="RealizedProfit">Profit, swap and commission of its deals, account currency.</param>
/// <param name="Deals">How many deals it made.</param>
public sealed record StrategyBook(IReadOnlyList<PositionState> Positions, double FloatingProfit, decimal RealizedProfit, int Deals)
{
    /// <summary>Nothing held, nothing done.</summary>
    public static StrategyBook Empty { get; } = new([], 0, 0, 0);
}
