namespace MtMcp.Gateways.Bridge.Wire;

/// <summary><c>trade.send</c> request data.</summary>
internal sealed record WireTradeSend(string ClientOrderId, WireTradeRequest Request);

/// <summary>A full MqlTradeRequest mirror; enums by MQL name, expiration in server-time seconds.</summary>
internal sealed record WireTradeRequest
{
    public required string Action { get; init; }

    public string? Symbol { get; init; }

    public string? Type { get; init; }

    public decimal? Volume { get; init; }

    public double? Price { get; init; }

    public double? Stoplimit { get; init; }

    public double? Sl { get; init; }

    public double? Tp { get; init; }

    public int? Deviation { get; init; }

    public string? TypeFilling { get; init; }

    public string? TypeTime { get; init; }

    public long? Expiration { get; init; }

    public ulong? Magic { get; init; }

    public string? Comment { get; init; }

    public ulong? Order { get; init; }

    public ulong? Position { get; init; }

    public ulong? PositionBy { get; init; }
}

/// <summary>The EA's trade result: MqlTradeResult plus <c>sent</c> and <c>duplicate</c>.</summary>
internal sealed record WireTradeResult
{
    public int Retcode { get; init; }

    public string? RetcodeName { get; init; }

    public string? Outcome { get; init; }

    public ulong Deal { get; init; }

    public ulong Order { get; init; }

    public decimal Volume { get; init; }

    public double Price { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }

    public string Comment { get; init; } = "";

    public uint RequestId { get; init; }

    public int RetcodeExternal { get; init; }

    public bool Sent { get; init; } = true;

    public bool Duplicate { get; init; }
}
