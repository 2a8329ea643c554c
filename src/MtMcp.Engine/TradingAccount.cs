using System.Globalization;
using System.Collections.ObjectModel;

namespace MtMcp.Engine;

/// <summary>
/// One simulated trading account: orders, positions, deals and money, matched against a <see cref="QuoteBoard"/>
/// with MetaTrader 5's rules (see <c>docs/engine.md</c>). Every change is recorded in <see cref="Changes"/> for the
/// host to journal and publish.
/// </summary>
/// <remarks>
/// Not thread-safe: one writer. The host serialises <see cref="Send"/>, <see cref="OnQuote"/>,
/// <see cref="AdvanceTime"/> and the other calls. Deterministic: time comes only from the quotes and
/// <see cref="AdvanceTime"/>, never from a clock.
/// </remarks>
[Mutable]
public sealed partial class TradingAccount
{
    private const long DayMs = 86_400_000;

    private readonly QuoteBoard _quotes;
    private readonly CurrencyConverter _converter;
    private readonly AccountInfo _info;
    private readonly SlippageGenerator _slippage;
    private readonly long _serverOffsetMs;
    private readonly SymbolBook?[] _books;
    private readonly List<SymbolBook> _bookList = [];
    private readonly List<SymbolBook> _dirty = [];
    private readonly List<Position> _positions = [];
    private readonly List<Order> _orders = [];
    private readonly List<Order> _history = [];
    private readonly List<Deal> _deals = [];
    private readonly Dictionary<string, TradeResult> _clientOrders = new(StringComparer.Ordinal);
    private readonly ReadOnlyCollection<Position> _positionsView;
    private readonly ReadOnlyCollection<Order> _ordersView;

    // Reused by the trigger pass so a firing tick allocates only what it records.
    private readonly List<Order> _scratchOrders = [];
    private readonly List<Position> _scratchPositions = [];

    private decimal _balance;
    private decimal _credit;
    private ulong _nextTicket = 1;
    private long _timeMs;

    private TradingAccount(string name, AccountSettings settings, QuoteBoard quotes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Info.Leverage, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxFillVolume, nameof(settings));
        Name = name;
        Settings = settings;
        _quotes = quotes;
        _info = settings.Info;
        _converter = new CurrencyConverter(quotes.Symbols, quotes);
        _slippage = new SlippageGenerator(settings.Slippage);
        _serverOffsetMs = (long)settings.ServerTimeOffset.TotalMilliseconds;
        _books = new SymbolBook?[quotes.Symbols.Count];
        _positionsView = _positions.AsReadOnly();
        _ordersView = _orders.AsReadOnly();
    }

    /// <summary>Opens a new account whose first deal deposits <paramref name="initialDeposit"/> at <paramref name="timeMs"/>.</summary>
    /// <param name="name">The account's name (for the host; not used in matching).</param>
    /// <param name="settings">Currency, leverage, modes, costs and limits.</param>
    /// <param name="quotes">The quote board the account trades on.</param>
    /// <param name="initialDeposit">Initial balance in the account currency, not negative; 0 = no deposit deal.</param>
    /// <param name="timeMs">Creation time, Unix ms UTC.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative deposit, a non-positive leverage or a negative liquidity cap.</exception>
    public TradingAccount(string name, AccountSettings settings, QuoteBoard quotes, decimal initialDeposit, long timeMs)
        : this(name, settings, quotes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialDeposit);
        _timeMs = timeMs;
        if (initialDeposit > 0)
        {
            BalanceOperation(DealType.Balance, initialDeposit, "initial deposit");
        }

        ScheduleTimeEvents();
        Sync();
    }

    /// <summary>The account's name.</summary>
    public string Name { get; }

    /// <summary>The account's settings.</summary>
    public AccountSettings Settings { get; }

    /// <summary>The account clock, Unix ms UTC: the latest of the quotes it has seen and <see cref="AdvanceTime"/>.</summary>
    public long TimeMs => _timeMs;

    /// <summary>Everything changed since the host last called <see cref="AccountChanges.Clear"/>.</summary>
    public AccountChanges Changes { get; } = new();

    /// <summary>Balance in the account currency.</summary>
    public decimal Balance => _balance;

    /// <summary>Credit in the account currency.</summary>
    public decimal Credit => _credit;

    /// <summary>The quote board the account trades on.</summary>
    public QuoteBoard Quotes => _quotes;

    /// <summary>Rebuilds an account from its persisted state; it then behaves exactly as the account that produced it.</summary>
    /// <exception cref="ArgumentException">An order or position names a symbol the board does not know.</exception>
    public static TradingAccount Restore(string name, AccountState state, QuoteBoard quotes)
    {
        ArgumentNullException.ThrowIfNull(state);
        var account = new TradingAccount(name, state.Settings, quotes)
        {
            _balance = state.Balance,
            _credit = state.Credit,
            _nextTicket = state.NextTicket,
            _timeMs = state.TimeMs,
        };
        foreach (var order in state.Orders)
        {
            if (order.IsWorking)
            {
                account._orders.Add(order);
                account.BookFor(order.Symbol).Orders.Add(order);
            }
            else
            {
                account._history.Add(order);
            }
        }

        // History is kept in the order orders left the working set.
        account._history.Sort((a, b) => a.TimeDoneMs != b.TimeDoneMs ? a.TimeDoneMs.CompareTo(b.TimeDoneMs) : a.Ticket.CompareTo(b.Ticket));
        foreach (var position in state.Positions)
        {
            account._positions.Add(position);
            account.BookFor(position.Symbol).Positions.Add(position);
        }

        account._deals.AddRange(state.Deals);
        foreach (var (id, result) in state.ClientOrders)
        {
            account._clientOrders[id] = result;
        }

        account.Changes.Cursor = state.Cursor;
        foreach (var book in account._bookList)
        {
            account.MarkDirty(book);
        }

        account.ScheduleTimeEvents();
        account.EndStep();
        return account;
    }

    /// <summary>The whole state, for the journal: <see cref="Restore"/> of it continues identically.</summary>
    public AccountState ToState()
    {
        var orders = new List<Order>(_orders.Count + _history.Count);
        orders.AddRange(_orders);
        orders.AddRange(_history);
        orders.Sort((a, b) => a.Ticket.CompareTo(b.Ticket));
        return new AccountState
        {
            Settings = Settings,
            Balance = _balance,
            Credit = _credit,
            NextTicket = _nextTicket,
            TimeMs = _timeMs,
            Cursor = Changes.Cursor,
            Orders = orders,
            Positions = [.. _positions],
            Deals = [.. _deals],
            ClientOrders = new Dictionary<string, TradeResult>(_clientOrders, StringComparer.Ordinal),
        };
    }

    private ulong NewTicket() => _nextTicket++;

    private int Digits => _info.CurrencyDigits;

    private string Currency => _info.Currency;

    private SymbolBook BookFor(string symbol)
    {
        if (!_quotes.TryGetId(symbol, out var id))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Symbol '{symbol}' is not on the quote board."), nameof(symbol));
        }

        return BookFor(id);
    }

    private SymbolBook BookFor(int id)
    {
        if (_books[id] is { } book)
        {
            return book;
        }

        book = new SymbolBook(id, _quotes.Spec(id));
        _books[id] = book;
        _bookList.Add(book);
        return book;
    }

    private void MarkDirty(SymbolBook book)
    {
        if (!book.Dirty)
        {
            book.Dirty = true;
            _dirty.Add(book);
        }
    }

    /// <summary>Closes a step: refreshes the books it touched and publishes the account figures.</summary>
    private void EndStep()
    {
        if (_dirty.Count > 0)
        {
            foreach (var book in _dirty)
            {
                book.Dirty = false;
                RefreshBook(book);
            }

            _dirty.Clear();
            ScheduleExpiry();
        }

        Sync();
    }

    private void Sync()
    {
        _cash = (double)(_balance + _credit);
        Changes.Balance = _balance;
        Changes.Credit = _credit;
        Changes.NextTicket = _nextTicket;
        Changes.TimeMs = _timeMs;
    }

    // ---- Records ---------------------------------------------------------------------------

    private void AddWorkingOrder(SymbolBook book, Order order)
    {
        _orders.Add(order);
        book.Orders.Add(order);
        MarkDirty(book);
    }

    private void ReplaceWorkingOrder(SymbolBook book, Order old, Order updated)
    {
        _orders[_orders.IndexOf(old)] = updated;
        book.Orders[book.Orders.IndexOf(old)] = updated;
        MarkDirty(book);
    }

    /// <summary>Moves a working order to history in its final state, with ORDER_DELETE and HISTORY_ADD.</summary>
    private void RetireOrder(SymbolBook book, Order old, Order final)
    {
        _orders.Remove(old);
        book.Orders.Remove(old);
        ArchiveOrder(final);
        MarkDirty(book);
    }

    private void ArchiveOrder(Order final)
    {
        _history.Add(final);
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderDelete, _timeMs, Order: final));
        Changes.Add(new TradeTransaction(TradeTransactionType.HistoryAdd, _timeMs, Order: final));
    }

    private void AddPosition(SymbolBook book, Position position)
    {
        // A position takes its opening order's ticket, which is older than tickets issued since (a pending order
        // filled late), so insert in ticket order: restored accounts list them that way too.
        InsertByTicket(_positions, position);
        InsertByTicket(book.Positions, position);
        MarkDirty(book);
        Changes.Add(new TradeTransaction(TradeTransactionType.Position, _timeMs, Position: position));
    }

    private static void InsertByTicket(List<Position> positions, Position position)
    {
        var index = positions.Count;
        while (index > 0 && positions[index - 1].Ticket > position.Ticket)
        {
            index--;
        }

        positions.Insert(index, position);
    }

    private void ReplacePosition(SymbolBook book, Position old, Position updated)
    {
        _positions[_positions.IndexOf(old)] = updated;
        book.Positions[book.Positions.IndexOf(old)] = updated;
        MarkDirty(book);
        Changes.Add(new TradeTransaction(TradeTransactionType.Position, _timeMs, Position: updated));
    }

    private void RemovePosition(SymbolBook book, Position old)
    {
        _positions.Remove(old);
        book.Positions.Remove(old);
        MarkDirty(book);
        Changes.Add(new TradeTransaction(TradeTransactionType.Position, _timeMs, Position: old with { Volume = 0, TimeUpdateMs = _timeMs }));
    }

    private Deal AddDeal(Deal deal)
    {
        _deals.Add(deal);
        _balance += deal.Profit + deal.Commission + deal.Swap;
        Changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, _timeMs, Deal: deal));
        return deal;
    }

    private Deal BalanceOperation(DealType type, decimal amount, string comment) => AddDeal(new Deal
    {
        Ticket = NewTicket(),
        Type = type,
        Profit = amount,
        TimeMs = _timeMs,
        Comment = comment,
    });

    private Position? FindPosition(ulong ticket)
    {
        foreach (var position in _positions)
        {
            if (position.Ticket == ticket)
            {
                return position;
            }
        }

        return null;
    }

    private Order? FindWorkingOrder(ulong ticket)
    {
        foreach (var order in _orders)
        {
            if (order.Ticket == ticket)
            {
                return order;
            }
        }

        return null;
    }
}
