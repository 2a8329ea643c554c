namespace MtMcp.Risk;

/// <summary>Per-symbol overrides of the position limits (<c>position_limits.symbols.NAME</c>); null = the account's limit.</summary>
/// <param name="MaxOrderVolume">Largest order volume in lots (<c>max_order_volume</c>).</param>
/// <param name="MaxOrderNotional">Largest order notional in the account currency (<c>max_order_notional</c>).</param>
/// <param name="MaxPositionVolume">Largest resulting volume per direction in lots, positions plus the order (<c>max_position_volume</c>).</param>
public sealed record SymbolLimits(decimal? MaxOrderVolume = null, double? MaxOrderNotional = null, decimal? MaxPositionVolume = null);
