namespace MtMcp.Risk.Tests;

/// <summary>
/// A USD account (10,000, 1:100, hedging unless told) on the built-in catalogue with bid = ask quotes at round prices,
/// so notionals are easy to compute by hand: EURUSD 1.2 (120,000 USD per lot), GBPUSD 1.25, USDCHF 0.9, AUDUSD 0.5,
/// XAUUSD 2000 (200,000 USD per lot), USDJPY 150.
/// </summary>
internal sealed class Harness
{
    /// <summary>Tuesday 7 January 2025, 10:00 UTC.</summary>
    public static readonly long T0 = new DateTimeOffset(2025, 1, 7, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static readonly TradeOrigin Agent = new("agent-1", "mcp:place_order");

    public Harness(RiskLimits? limits = null, AccountMarginMode mode = AccountMarginMode.RetailHedging, decimal deposit = 10_000m, int leverage = 100, IReturnSeriesProvider? returns = null, string name = "acc")
    {
        Board = new QuoteBoard(SymbolCatalog.BuiltIn);
        Now = T0;
        foreach (var (symbol, price) in (ReadOnlySpan<(string, double)>)[("EURUSD", 1.2), ("GBPUSD", 1.25), ("USDCHF", 0.9), ("AUDUSD", 0.5), ("XAUUSD", 2000), ("USDJPY", 150), ("EURGBP", 0.96)])
        {
            Board.Update(Id(symbol), price, price, Now);
        }

        Account = new TradingAccount(name, new AccountSettings
        {
            Info = new AccountInfo { Login = 1, Server = "sim", Currency = "USD", Leverage = leverage, TradeMode = AccountTradeMode.Demo, MarginMode = mode },
        }, Board, deposit, Now);
        Gate = new PreTradeGate(RiskConfiguration.Create(limits ?? Open()), returns);
    }

    public QuoteBoard Board { get; }

    public TradingAccount Account { get; }

    public PreTradeGate Gate { get; }

    public long Now { get; private set; }

    /// <summary>Limits with every check off, to test one at a time.</summary>
    public static RiskLimits Open() => new()
    {
        MaxDrawdownPercent = 0,
        MaxDailyLossPercent = 0,
        PriceCollarPercent = 0,
        MaxOrdersPerMinute = 0,
        MaxOrdersPerDay = 0,
        RepeatedExecutionCount = 0,
        Profile = ComplianceProfile.Professional,
        Leverage = LeverageCaps.Professional,
        MaxOrderVolume = 0,
        MaxOpenPositions = 0,
        MaxPendingOrders = 0,
    };

    public int Id(string symbol) => Board.TryGetId(symbol, out var id) ? id : throw new ArgumentException(symbol);

    /// <summary>A new price the account sees, <paramref name="afterMs"/> later.</summary>
    public void Quote(string symbol, double price, long afterMs = 1000)
    {
        Now += afterMs;
        Board.Update(Id(symbol), price, price, Now);
        Account.OnQuote(Id(symbol));
        Commit();
    }

    public void Advance(long ms)
    {
        Now += ms;
        Account.AdvanceTime(Now);
        Commit();
    }

    public GateDecision Evaluate(TradeRequest request, TradeOrigin? origin = null) => Gate.Evaluate(Account, request, origin ?? Agent);

    /// <summary>Evaluates and, when allowed, sends (the paper service's path).</summary>
    public (GateDecision Decision, TradeResult? Result) Send(TradeRequest request, TradeOrigin? origin = null)
    {
        var decision = Evaluate(request, origin);
        if (!decision.Allowed)
        {
            return (decision, null);
        }

        var result = Account.Send(decision.Request);
        Commit();
        return (decision, result);
    }

    public TradeResult Open(string symbol, OrderType type, decimal volume, double sl = 0)
    {
        var result = Account.Send(Market(symbol, type, volume, sl));
        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Commit();
        return result;
    }

    public static TradeRequest Market(string symbol, OrderType type, decimal volume, double sl = 0) =>
        new() { Action = TradeAction.Deal, Symbol = symbol, Type = type, Volume = volume, StopLoss = sl };

    public static TradeRequest Buy(decimal volume, string symbol = "EURUSD", double sl = 0) => Market(symbol, OrderType.Buy, volume, sl);

    public static TradeRequest Limit(OrderType type, decimal volume, double price, string symbol = "EURUSD") =>
        new() { Action = TradeAction.Pending, Symbol = symbol, Type = type, Volume = volume, Price = price };

    private void Commit()
    {
        Gate.OnCommitted(Account, Account.Changes);
        Account.Changes.Clear();
    }
}
