
namespace MtMcp.Engine.Tests.Orders;

/// <summary>
/// One account on a quote board over the built-in catalogue, quoted at round prices on a Tuesday at 10:00 UTC
/// (inside every forex session), with one-line helpers for requests and quotes.
/// </summary>
internal sealed class Harness
{
    /// <summary>Tuesday 7 January 2025, 10:00 UTC.</summary>
    public static readonly long T0 = new DateTimeOffset(2025, 1, 7, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public const long Hour = 3_600_000;

    public Harness(
        AccountMarginMode mode = AccountMarginMode.RetailHedging,
        Func<AccountSettings, AccountSettings>? configure = null,
        Func<SymbolSpec, SymbolSpec>? eurusd = null,
        decimal deposit = 10_000m,
        string currency = "USD",
        int leverage = 100,
        long? start = null)
    {
        var catalog = eurusd is null ? SymbolCatalog.BuiltIn : SymbolCatalog.BuiltIn.WithOverrides([eurusd(SymbolCatalog.BuiltIn.Get("EURUSD"))]);
        Board = new QuoteBoard(catalog);
        Now = start ?? T0;
        SetQuote("EURUSD", 1.10000, 1.10010);
        SetQuote("GBPUSD", 1.27000, 1.27020);
        SetQuote("USDJPY", 150.000, 150.010);
        SetQuote("EURGBP", 0.86000, 0.86014);
        SetQuote("XAUUSD", 2000.00, 2000.25);
        var settings = Settings(mode, currency, leverage);
        Account = new TradingAccount("test", configure is null ? settings : configure(settings), Board, deposit, Now);
    }

    public QuoteBoard Board { get; }

    public TradingAccount Account { get; }

    public long Now { get; private set; }

    public static AccountSettings Settings(AccountMarginMode mode, string currency = "USD", int leverage = 100) => new()
    {
        Info = new AccountInfo
        {
            Login = 1,
            Server = "sim",
            Currency = currency,
            Leverage = leverage,
            TradeMode = AccountTradeMode.Demo,
            MarginMode = mode,
        },
    };

    public int Id(string symbol) => Board.TryGetId(symbol, out var id) ? id : throw new ArgumentException(symbol);

    /// <summary>Writes a quote to the board without telling the account.</summary>
    public void SetQuote(string symbol, double bid, double ask) => Board.Update(Id(symbol), bid, ask, Now);

    /// <summary>A new quote the account sees, <paramref name="afterMs"/> after the previous one.</summary>
    public void Quote(string symbol, double bid, double ask, long afterMs = 1000)
    {
        Now += afterMs;
        Board.Update(Id(symbol), bid, ask, Now);
        Account.OnQuote(Id(symbol));
    }

    public TradeResult Market(OrderType type, decimal volume, string symbol = "EURUSD", double sl = 0, double tp = 0, ulong position = 0) =>
        Account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = symbol, Type = type, Volume = volume, StopLoss = sl, TakeProfit = tp, Position = position });

    public TradeResult Buy(decimal volume, string symbol = "EURUSD", double sl = 0, double tp = 0) => Market(OrderType.Buy, volume, symbol, sl, tp);

    public TradeResult Sell(decimal volume, string symbol = "EURUSD", double sl = 0, double tp = 0) => Market(OrderType.Sell, volume, symbol, sl, tp);

    public TradeResult Pending(OrderType type, decimal volume, double price, double stopLimit = 0, string symbol = "EURUSD") =>
        Account.Send(new TradeRequest { Action = TradeAction.Pending, Symbol = symbol, Type = type, Volume = volume, Price = price, StopLimit = stopLimit });

    /// <summary>Asserts two states are the same, list by list (records compare by value).</summary>
    public static void AssertSameState(AccountState expected, AccountState actual)
    {
        Assert.Equal(expected.Balance, actual.Balance);
        Assert.Equal(expected.Credit, actual.Credit);
        Assert.Equal(expected.NextTicket, actual.NextTicket);
        Assert.Equal(expected.TimeMs, actual.TimeMs);
        Assert.Equal(expected.Orders, actual.Orders);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.Deals, actual.Deals);
        Assert.Equal(expected.ClientOrders.OrderBy(p => p.Key, StringComparer.Ordinal), actual.ClientOrders.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
