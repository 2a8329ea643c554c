namespace MtMcp.Engine;

/// <summary>
/// One account's orders and positions on one symbol, with what the tick path needs to stay O(1): the nearest
/// trigger prices per direction (as ticks) and the aggregates that estimate the symbol's floating profit.
/// </summary>
internal sealed class SymbolBook(int id, SymbolSpec spec)
{
    public int Id { get; } = id;

    public SymbolSpec Spec { get; } = spec;

    /// <summary>Open positions, in ticket order.</summary>
    public List<Position> Positions { get; } = [];

    /// <summary>Working orders, in ticket order.</summary>
    public List<Order> Orders { get; } = [];

    // Something fires when ask >= AskUp, ask <= AskDown, bid >= BidUp or bid <= BidDown (whole ticks).
    public long AskUp = long.MaxValue;
    public long AskDown = long.MinValue;
    public long BidUp = long.MaxValue;
    public long BidDown = long.MinValue;

    /// <summary>A working market remainder (RETURN under a liquidity cap) wants every quote.</summary>
    public bool AlwaysCheck;

    /// <summary>The money caches could not be computed (no quote yet, e.g. right after a restore): retry on the next quote.</summary>
    public bool Stale;

    /// <summary>Queued for <see cref="TradingAccount"/>'s end-of-step refresh.</summary>
    public bool Dirty;

    // Floating profit in the profit currency is linear in the quote:
    // ProfitPerUnit × (BuyLots × bid − BuyLotsOpen + SellLotsOpen − SellLots × ask).
    public double BuyLots;
    public double BuyLotsOpen;
    public double SellLots;
    public double SellLotsOpen;
    public double ProfitPerUnit = TradeMath.TickValueInProfitCurrency(spec) / spec.TickSize;

    // Profit-currency → account-currency rates as of the last exact refresh.
    public double RateReceive;
    public double RatePay;

    /// <summary>Margin (account currency) as of the last exact refresh.</summary>
    public double Margin;

    /// <summary>Estimated floating profit (account currency, without swaps) at the latest quote.</summary>
    public double EstimatedProfit;

    /// <summary>Σ swaps of the open positions.</summary>
    public double Swap;

    public void ClearTriggers()
    {
        AskUp = long.MaxValue;
        AskDown = long.MinValue;
        BidUp = long.MaxValue;
        BidDown = long.MinValue;
        AlwaysCheck = false;
    }

    /// <summary>Floating profit estimate from the aggregates and the cached rates.</summary>
    public double Estimate(double bid, double ask)
    {
        var inProfitCurrency = ProfitPerUnit * (BuyLots * bid - BuyLotsOpen + SellLotsOpen - SellLots * ask);
        return inProfitCurrency * (inProfitCurrency >= 0 ? RateReceive : RatePay);
    }
}
