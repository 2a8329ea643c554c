using System.Text.Json.Serialization;

namespace MtMcp.Gateways.Bridge.Wire;

/// <summary>Source-generated serialisation of every bridge message (snake_case names, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(BridgeMessage))]
[JsonSerializable(typeof(WireError))]
[JsonSerializable(typeof(WireHello))]
[JsonSerializable(typeof(WireWelcome))]
[JsonSerializable(typeof(WireSubscriptions))]
[JsonSerializable(typeof(WirePong))]
[JsonSerializable(typeof(WireEmpty))]
[JsonSerializable(typeof(WireAccountInfo))]
[JsonSerializable(typeof(WireSymbolsListRequest))]
[JsonSerializable(typeof(WireSymbolsList))]
[JsonSerializable(typeof(WirePositionsRequest))]
[JsonSerializable(typeof(WirePositionsList))]
[JsonSerializable(typeof(WireTradeSend))]
[JsonSerializable(typeof(WireTradeResult))]
[JsonSerializable(typeof(WireTick))]
[JsonSerializable(typeof(WireOrdersRequest))]
[JsonSerializable(typeof(WireHistoryRequest))]
[JsonSerializable(typeof(WireOrdersList))]
[JsonSerializable(typeof(WireDealsList))]
[JsonSerializable(typeof(WireOrderCheck))]
[JsonSerializable(typeof(WireCheckResult))]
[JsonSerializable(typeof(WireSymbolRequest))]
[JsonSerializable(typeof(WireTradeTransaction))]
[JsonSerializable(typeof(WireSymbolSpec))]
internal sealed partial class BridgeJsonContext : JsonSerializerContext;
