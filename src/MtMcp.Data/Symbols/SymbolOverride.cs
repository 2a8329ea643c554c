using System.Text.Json.Serialization;
using MtMcp.Domain;

namespace MtMcp.Data.Symbols;

/// <summary>
/// One entry of the <c>symbols</c> configuration section: a new symbol, or changes to an existing one.
/// Every field is optional except <c>name</c>; unset fields keep the value of the symbol it is based on.
/// </summary>
public sealed record SymbolOverride
{
    /// <summary>Name of the symbol to add or change.</summary>
    public string? Name { get; init; }

    /// <summary>Catalogue symbol to copy before applying the fields (defaults to the one of the same name).</summary>
    public string? BasedOn { get; init; }

    /// <summary>See <see cref="SymbolSpec.Description"/>.</summary>
    public string? Description { get; init; }

    /// <summary>See <see cref="SymbolSpec.Path"/>.</summary>
    public string? Path { get; init; }

    /// <summary>See <see cref="SymbolSpec.CurrencyBase"/>.</summary>
    public string? CurrencyBase { get; init; }

    /// <summary>See <see cref="SymbolSpec.CurrencyProfit"/>.</summary>
    public string? CurrencyProfit { get; init; }

    /// <summary>See <see cref="SymbolSpec.CurrencyMargin"/>.</summary>
    public string? CurrencyMargin { get; init; }

    /// <summary>See <see cref="SymbolSpec.AssetClass"/>.</summary>
    public EsmaAssetClass? AssetClass { get; init; }

    /// <summary>See <see cref="SymbolSpec.Digits"/>.</summary>
    public int? Digits { get; init; }

    /// <summary>See <see cref="SymbolSpec.TickSize"/>.</summary>
    public double? TickSize { get; init; }

    /// <summary>See <see cref="SymbolSpec.TickPrice"/>.</summary>
    public double? TickPrice { get; init; }

    /// <summary>See <see cref="SymbolSpec.Spread"/>.</summary>
    public int? Spread { get; init; }

    /// <summary>See <see cref="SymbolSpec.ContractSize"/>.</summary>
    public double? ContractSize { get; init; }

    /// <summary>See <see cref="SymbolSpec.CalcMode"/>.</summary>
    public SymbolCalcMode? CalcMode { get; init; }

    /// <summary>See <see cref="SymbolSpec.VolumeMin"/>.</summary>
    public decimal? VolumeMin { get; init; }

    /// <summary>See <see cref="SymbolSpec.VolumeMax"/>.</summary>
    public decimal? VolumeMax { get; init; }

    /// <summary>See <see cref="SymbolSpec.VolumeStep"/>.</summary>
    public decimal? VolumeStep { get; init; }

    /// <summary>See <see cref="SymbolSpec.VolumeLimit"/>.</summary>
    public decimal? VolumeLimit { get; init; }

    /// <summary>See <see cref="SymbolSpec.TradeMode"/>.</summary>
    public SymbolTradeMode? TradeMode { get; init; }

    /// <summary>See <see cref="SymbolSpec.ExecutionMode"/>.</summary>
    public SymbolTradeExecution? ExecutionMode { get; init; }

    /// <summary>See <see cref="SymbolSpec.FillingFlags"/>; a list of <c>fok</c>, <c>ioc</c>, <c>boc</c>.</summary>
    public IReadOnlyList<string>? Filling { get; init; }

    /// <summary>See <see cref="SymbolSpec.StopsLevel"/>.</summary>
    public int? StopsLevel { get; init; }

    /// <summary>See <see cref="SymbolSpec.FreezeLevel"/>.</summary>
    public int? FreezeLevel { get; init; }

    /// <summary>See <see cref="SymbolSpec.MarginInitial"/>.</summary>
    public double? MarginInitial { get; init; }

    /// <summary>See <see cref="SymbolSpec.MarginMaintenance"/>.</summary>
    public double? MarginMaintenance { get; init; }

    /// <summary>See <see cref="SymbolSpec.MarginHedged"/>.</summary>
    public double? MarginHedged { get; init; }

    /// <summary>See <see cref="SymbolSpec.SwapMode"/>.</summary>
    public SymbolSwapMode? SwapMode { get; init; }

    /// <summary>See <see cref="SymbolSpec.SwapLong"/>.</summary>
    public double? SwapLong { get; init; }

    /// <summary>See <see cref="SymbolSpec.SwapShort"/>.</summary>
    public double? SwapShort { get; init; }

    /// <summary>See <see cref="SymbolSpec.SwapRollover3Days"/>.</summary>
    [JsonPropertyName("swap_rollover_3days")]
    public DayOfWeek? SwapRollover3Days { get; init; }

    /// <summary>Trade and quote sessions (UTC), when both are the same.</summary>
    public IReadOnlyList<SessionOverride>? Sessions { get; init; }
}
