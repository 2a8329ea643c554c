namespace MtMcp.Gateways.Bridge;

/// <summary>An open position as the terminal reports it, with the price it would close at now and its floating profit.</summary>
/// <param name="Position">The position.</param>
/// <param name="PriceCurrent">POSITION_PRICE_CURRENT.</param>
/// <param name="Profit">POSITION_PROFIT in the account currency.</param>
public sealed record BridgePosition(Position Position, double PriceCurrent, double Profit);
