namespace MtMcp.Gateways.Bridge.Wire;

/// <summary><c>orders.list</c> request: an optional symbol filter.</summary>
internal sealed record WireOrdersRequest(string? Symbol);

/// <summary><c>history.orders</c> and <c>history.deals</c> request: a range in server-time seconds, <c>to</c> exclusive; <c>offset</c> pages on.</summary>
internal sealed record WireHistoryRequest(long From, long To, string? Symbol, int? Offset = null);

/// <summary><c>orders.list</c> and <c>history.orders</c> result.</summary>
internal sealed record WireOrdersList
{
    public IReadOnlyList<WireOrder> Orders { get; init; } = [];

    /// <summary>Whether more rows follow (history pages of at most 1000 rows).</summary>
    public bool More { get; init; }

    public int NextOffset { get; init; }
}

/// <summary>One order as OrderGet*/HistoryOrderGet* gives it. Times are server time.</summary>
internal sealed record WireOrder
{
    public ulong Ticket { get; init; }

    public string Symbol { get; init; } = "";

    public string Type { get; init; } = "";

    public string State { get; init; } = "";

    public decimal VolumeInitial { get; init; }

    public decimal VolumeCurrent { get; init; }

    public double PriceOpen { get; init; }

    public double PriceStoplimit { get; init; }

    public double Sl { get; init; }

    public double Tp { get; init; }

    public long TimeSetupMsc { get; init; }

    public long TimeDoneMsc { get; init; }

    public long TimeExpiration { get; init; }

    public string? TypeTime { get; init; }

    public string? TypeFilling { get; init; }

    public ulong Magic { get; init; }

    public string Comment { get; init; } = "";

    public ulong PositionId { get; init; }

    public ulong PositionById { get; init; }

    public string Reason { get; init; } = "";
}

/// <summary><c>history.deals</c> result.</summary>
internal sealed record WireDealsList
{
    public IReadOnlyList<WireDeal> Deals { get; init; } = [];

    /// <summary>Whether more rows follow (history pages of at most 1000 rows).</summary>
    public bool More { get; init; }

    public int NextOffset { get; init; }
}

/// <summary>One deal as HistoryDealGet* gives it. Times are server time.</summary>
internal sealed record WireDeal
{
    public ulong Ticket { get; init; }

    public ulong Order { get; init; }

    public ulong PositionId { get; init; }

    public string Symbol { get; init; } = "";

    public string Type { get; init; } = "";

    public string Entry { get; init; } = "";

    public decimal Volume { get; init; }

    public double Price { get; init; }

    public decimal Profit { get; init; }

    public decimal Commission { get; init; }

    public decimal Swap { get; init; }

    public long TimeMsc { get; init; }

    public ulong Magic { get; init; }

    public string Comment { get; init; } = "";

    public string Reason { get; init; } = "";

    public double Sl { get; init; }

    public double Tp { get; init; }
}

/// <summary><c>order.check</c> request.</summary>
internal sealed record WireOrderCheck(WireTradeRequest Request);

/// <summary><c>order.check</c> result: MqlTradeCheckResult.</summary>
internal sealed record WireCheckResult
{
    public int Retcode { get; init; }

    public decimal Balance { get; init; }

    public double Equity { get; init; }

    public double Profit { get; init; }

    public double Margin { get; init; }

    public double MarginFree { get; init; }

    public double MarginLevel { get; init; }

    public string Comment { get; init; } = "";
}

/// <summary><c>tick.last</c> request.</summary>
internal sealed record WireSymbolRequest(string Symbol);
