namespace MtMcp.Engine;

/// <summary>An open position as the venue reports it, with the price it would close at now and its floating profit.</summary>
/// <param name="Position">The position.</param>
/// <param name="PriceCurrent">POSITION_PRICE_CURRENT.</param>
/// <param name="Profit">POSITION_PROFIT in the account currency (swap and commission apart).</param>
public sealed record PositionState(Position Position, double PriceCurrent, double Profit);
