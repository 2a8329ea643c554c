namespace MtMcp.Paper;

/// <summary>What one committed step changed in a paper account: the events stream's unit.</summary>
/// <param name="Account">The account name.</param>
/// <param name="Transactions">The trade transactions of the step, in order (may be empty for a balance-only change).</param>
/// <param name="Balance">Balance after the step.</param>
/// <param name="TimeMs">Venue time of the step, Unix ms UTC.</param>
public sealed record AccountUpdate(string Account, IReadOnlyList<TradeTransaction> Transactions, decimal Balance, long TimeMs);
