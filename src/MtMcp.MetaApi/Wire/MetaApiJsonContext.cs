using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtMcp.MetaApi.Wire;

/// <summary>
/// Source-generated JSON for the MetaApi wire types. Web defaults (camelCase); tickets arrive as strings or numbers
/// depending on the endpoint, so numbers may be read from strings.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountInformationDto))]
[JsonSerializable(typeof(PositionDto))]
[JsonSerializable(typeof(PositionDto[]))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(OrderDto[]))]
[JsonSerializable(typeof(DealDto[]))]
[JsonSerializable(typeof(SymbolPriceDto))]
[JsonSerializable(typeof(SymbolSpecificationDto))]
[JsonSerializable(typeof(TradeDto))]
[JsonSerializable(typeof(TradeResponseDto))]
[JsonSerializable(typeof(MarginOrderDto))]
[JsonSerializable(typeof(MarginDto))]
[JsonSerializable(typeof(ErrorDto))]
internal sealed partial class MetaApiJsonContext : JsonSerializerContext;
