using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtMcp.MetaApi.Wire;

// The JSON shapes of MetaApi's client REST API, named as its model pages name them (docs/metaapi.md lists the
// source of every field). Only the fields this connector reads are declared; unknown fields are ignored.

/// <summary>MetatraderAccountInformation.</summary>
internal sealed record AccountInformationDto
{
    public string? Platform { get; init; }

    public string? Broker { get; init; }

    public string? Currency { get; init; }

    public string? Server { get; init; }

    public double Balance { get; init; }

    public double Equity { get; init; }

    public double Margin { get; init; }

    public double FreeMargin { get; init; }

    public int Leverage { get; init; }

    public double? MarginLevel { get; init; }

    public bool TradeAllowed { get; init; }

    public string? MarginMode { get; init; }

    public string? Name { get; init; }

    public ulong Login { get; init; }

    public double Credit { get; init; }

    public string? Type { get; init; }

    public int? CurrencyDigits { get; init; }
}

/// <summary>MetatraderPosition.</summary>
internal sealed record PositionDto
{
    public ulong Id { get; init; }

    public string? Type { get; init; }

    public string? Symbol { get; init; }

    public ulong Magic { get; init; }

    public DateTimeOffset? Time { get; init; }

    public DateTimeOffset? UpdateTime { get; init; }

    public double OpenPrice { get; init; }

    public double CurrentPrice { get; init; }

    public double? StopLoss { get; init; }

    public double? TakeProfit { get; init; }

    public double Volume { get; init; }

    public double Swap { get; init; }

    public double Profit { get; init; }

    public double Commission { get; init; }

    public string? Comment { get; init; }

    public string? ClientId { get; init; }

    public string? Reason { get; init; }
}

/// <summary>MetatraderOrder (working and history orders).</summary>
internal sealed record OrderDto
{
    public ulong Id { get; init; }

    public string? Type { get; init; }

    public string? State { get; init; }

    public string? Symbol { get; init; }

    public ulong Magic { get; init; }

    public DateTimeOffset? Time { get; init; }

    public DateTimeOffset? DoneTime { get; init; }

    public double? OpenPrice { get; init; }

    public double? StopLimitPrice { get; init; }

    public double? StopLoss { get; init; }

    public double? TakeProfit { get; init; }

    public double Volume { get; init; }

    public double CurrentVolume { get; init; }

    public ulong PositionId { get; init; }

    public string? Comment { get; init; }

    public string? ClientId { get; init; }

    public string? ExpirationType { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }

    public string? FillingMode { get; init; }

    public string? Reason { get; init; }
}

/// <summary>MetatraderDeal.</summary>
internal sealed record DealDto
{
    public ulong Id { get; init; }

    public string? Type { get; init; }

    public string? EntryType { get; init; }

    public string? Symbol { get; init; }

    public ulong Magic { get; init; }

    public DateTimeOffset? Time { get; init; }

    public double Volume { get; init; }

    public double Price { get; init; }

    public double Commission { get; init; }

    public double Swap { get; init; }

    public double Profit { get; init; }

    public ulong PositionId { get; init; }

    public ulong OrderId { get; init; }

    public string? Comment { get; init; }

    public string? ClientId { get; init; }

    public string? Reason { get; init; }

    public double? StopLoss { get; init; }

    public double? TakeProfit { get; init; }
}

/// <summary>MetatraderSymbolPrice.</summary>
internal sealed record SymbolPriceDto
{
    public string? Symbol { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }

    public DateTimeOffset? Time { get; init; }

    /// <summary>The same moment on the broker's clock, <c>yyyy-MM-dd HH:mm:ss.fff</c>.</summary>
    public string? BrokerTime { get; init; }
}

/// <summary>MetatraderSymbolSpecification (<c>GET …/symbols/:symbol/specification</c>); optional fields are nullable.</summary>
internal sealed record SymbolSpecificationDto
{
    public string Symbol { get; init; } = "";

    public string? Description { get; init; }

    public string? Path { get; init; }

    public double TickSize { get; init; }

    public decimal MinVolume { get; init; }

    public decimal MaxVolume { get; init; }

    public decimal VolumeStep { get; init; }

    public string[]? FillingModes { get; init; }

    public string? ExecutionMode { get; init; }

    public double ContractSize { get; init; }

    public Dictionary<string, SessionDto[]>? QuoteSessions { get; init; }

    public Dictionary<string, SessionDto[]>? TradeSessions { get; init; }

    public string? TradeMode { get; init; }

    public double? BondAccruedInterest { get; init; }

    public double? BondFaceValue { get; init; }

    public double? LiquidityRate { get; init; }

    public double InitialMargin { get; init; }

    public double MaintenanceMargin { get; init; }

    public double HedgedMargin { get; init; }

    public bool? HedgedMarginUsesLargerLeg { get; init; }

    public string? MarginCurrency { get; init; }

    public string? PriceCalculationMode { get; init; }

    public string? BaseCurrency { get; init; }

    public string? ProfitCurrency { get; init; }

    public string? SwapMode { get; init; }

    public double? SwapLong { get; init; }

    public double? SwapShort { get; init; }

    public string? SwapRollover3Days { get; init; }

    public string[]? AllowedExpirationModes { get; init; }

    public string[]? AllowedOrderTypes { get; init; }

    [JsonPropertyName("orderGTCMode")]
    public string? OrderGtcMode { get; init; }

    public int Digits { get; init; }

    public int? StopsLevel { get; init; }

    public int? FreezeLevel { get; init; }
}

/// <summary>One session of MetatraderSessions: broker-clock times of day, <c>HH:mm:ss.fff</c>.</summary>
internal sealed record SessionDto(string From, string To);

/// <summary>The expiration of a pending order in MetatraderTrade.</summary>
internal sealed record ExpirationDto(string Type, DateTimeOffset? Time);

/// <summary>MetatraderTrade: the body of <c>POST …/trade</c>.</summary>
internal sealed record TradeDto
{
    public required string ActionType { get; init; }

    public string? Symbol { get; init; }

    public decimal? Volume { get; init; }

    public double? OpenPrice { get; init; }

    public double? StopLimitPrice { get; init; }

    public double? StopLoss { get; init; }

    public double? TakeProfit { get; init; }

    public string? OrderId { get; init; }

    public string? PositionId { get; init; }

    public string? CloseByPositionId { get; init; }

    public string? Comment { get; init; }

    public string? ClientId { get; init; }

    public ulong? Magic { get; init; }

    public int? Slippage { get; init; }

    public string[]? FillingModes { get; init; }

    public ExpirationDto? Expiration { get; init; }
}

/// <summary>MetatraderTradeResponse.</summary>
internal sealed record TradeResponseDto
{
    public int? NumericCode { get; init; }

    public string? StringCode { get; init; }

    public string? Message { get; init; }

    public ulong OrderId { get; init; }

    public ulong PositionId { get; init; }
}

/// <summary>MarginOrder: the body of <c>POST …/calculate-margin</c>.</summary>
internal sealed record MarginOrderDto(string Symbol, string Type, decimal Volume, double OpenPrice);

/// <summary>Margin.</summary>
internal sealed record MarginDto(double Margin);

/// <summary>Error and TooManyRequestsError.</summary>
internal sealed record ErrorDto
{
    public string? Error { get; init; }

    public string? Message { get; init; }

    public JsonElement? Details { get; init; }

    public ErrorMetadataDto? Metadata { get; init; }
}

/// <summary>The metadata of TooManyRequestsError.</summary>
internal sealed record ErrorMetadataDto(DateTimeOffset? RecommendedRetryTime);
