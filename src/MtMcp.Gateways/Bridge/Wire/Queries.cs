namespace MtMcp.Gateways.Bridge.Wire;

/// <summary><c>account.info</c> result.</summary>
internal sealed record WireAccountInfo
{
    public ulong Login { get; init; }

    public string Server { get; init; } = "";

    public string Name { get; init; } = "";

    public string Company { get; init; } = "";

    public string Currency { get; init; } = "";

    public int CurrencyDigits { get; init; } = 2;

    public int Leverage { get; init; }

    public string TradeMode { get; init; } = "";

    public string MarginMode { get; init; } = "";

    public string MarginSoMode { get; init; } = "ACCOUNT_STOPOUT_MODE_PERCENT";

    public double MarginSoCall { get; init; }

    public double MarginSoSo { get; init; }

    public decimal Balance { get; init; }

    public decimal Credit { get; init; }

    public double Equity { get; init; }

    public double Profit { get; init; }

    public double Margin { get; init; }

    public double MarginFree { get; init; }

    public double MarginLevel { get; init; }

    public bool TradeAllowed { get; init; }

    public bool TradeExpert { get; init; }

    public bool TerminalConnected { get; init; }

    public bool TerminalTradeAllowed { get; init; }

    public bool MqlTradeAllowed { get; init; }

    public int? ServerTimeOffsetS { get; init; }
}

/// <summary><c>symbols.list</c> request.</summary>
internal sealed record WireSymbolsListRequest(bool SelectedOnly);

/// <summary><c>symbols.list</c> result.</summary>
internal sealed record WireSymbolsList
{
    public IReadOnlyList<string> Symbols { get; init; } = [];
}

/// <summary><c>positions.list</c> request: an optional symbol filter.</summary>
internal sealed record WirePositionsRequest(string? Symbol);

/// <summary><c>positions.list</c> result.</summary>
internal sealed record WirePositionsList
{
    public IReadOnlyList<WirePosition> Positions { get; init; } = [];
}

/// <summary>One open position as PositionGet* gives it. Times are server time.</summary>
internal sealed record WirePosition
{
    public ulong Ticket { get; init; }

    public ulong Identifier { get; init; }

    public string Symbol { get; init; } = "";

    public string Type { get; init; } = "";

    public decimal Volume { get; init; }

    public double PriceOpen { get; init; }

    public double PriceCurrent { get; init; }

    public double Sl { get; init; }

    public double Tp { get; init; }

    public decimal Swap { get; init; }

    public double Profit { get; init; }

    public long TimeMsc { get; init; }

    public long TimeUpdateMsc { get; init; }

    public ulong Magic { get; init; }

    public string Comment { get; init; } = "";

    public string Reason { get; init; } = "";
}
