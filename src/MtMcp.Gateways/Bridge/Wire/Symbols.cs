using System.Text.Json.Serialization;

namespace MtMcp.Gateways.Bridge.Wire;

/// <summary>
/// <c>symbol.spec</c> result (bridge/schemas/common.schema.json <c>symbolSpec</c>): the MT5 fields, or the MT4 subset
/// (<c>swap_type</c> instead of <c>swap_mode</c>, no filling, expiration or order flags). Sessions are seven arrays,
/// Sunday first, of [from, to) seconds after the broker's midnight.
/// </summary>
internal sealed record WireSymbolSpec
{
    public string Symbol { get; init; } = "";

    public string Description { get; init; } = "";

    public string Path { get; init; } = "";

    public string CurrencyBase { get; init; } = "";

    public string CurrencyProfit { get; init; } = "";

    public string CurrencyMargin { get; init; } = "";

    public int Digits { get; init; }

    public double Point { get; init; }

    public double TradeTickSize { get; init; }

    public double TradeTickValue { get; init; }

    public int Spread { get; init; }

    public bool SpreadFloat { get; init; } = true;

    public double TradeContractSize { get; init; }

    public string TradeCalcMode { get; init; } = "";

    public string TradeMode { get; init; } = "";

    public string? TradeExemode { get; init; }

    public int? FillingMode { get; init; }

    public int? ExpirationMode { get; init; }

    public int? OrderMode { get; init; }

    public string? OrderGtcMode { get; init; }

    public int TradeStopsLevel { get; init; }

    public int TradeFreezeLevel { get; init; }

    public decimal VolumeMin { get; init; }

    public decimal VolumeMax { get; init; }

    public decimal VolumeStep { get; init; }

    public decimal VolumeLimit { get; init; }

    public double MarginInitial { get; init; }

    public double MarginMaintenance { get; init; }

    public double MarginHedged { get; init; }

    public bool MarginHedgedUseLeg { get; init; }

    public string? SwapMode { get; init; }

    public int? SwapType { get; init; }

    public double SwapLong { get; init; }

    public double SwapShort { get; init; }

    [JsonPropertyName("swap_rollover3days")]
    public string? SwapRollover3Days { get; init; }

    public int[][][]? SessionsQuote { get; init; }

    public int[][][]? SessionsTrade { get; init; }
}
