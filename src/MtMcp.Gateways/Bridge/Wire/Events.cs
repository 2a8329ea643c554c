namespace MtMcp.Gateways.Bridge.Wire;

/// <summary><c>tick</c> event data (MqlTick; <c>time_msc</c> in server time).</summary>
internal sealed record WireTick
{
    public string Symbol { get; init; } = "";

    public long TimeMsc { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }

    public double Last { get; init; }

    public double VolumeReal { get; init; }

    public int Flags { get; init; }
}

/// <summary><c>trade_tx</c> event data: the MqlTradeTransaction fields (request/result are not mapped yet).</summary>
internal sealed record WireTradeTransaction
{
    public string Type { get; init; } = "";

    public ulong Deal { get; init; }

    public ulong Order { get; init; }

    public string Symbol { get; init; } = "";

    public string? OrderType { get; init; }

    public string? OrderState { get; init; }

    public string? DealType { get; init; }

    public double Price { get; init; }

    public double PriceSl { get; init; }

    public double PriceTp { get; init; }

    public decimal Volume { get; init; }

    public ulong Position { get; init; }

    public ulong PositionBy { get; init; }
}
