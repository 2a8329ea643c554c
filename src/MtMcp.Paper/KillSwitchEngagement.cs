namespace MtMcp.Paper;

/// <summary>What engaging the kill switch did (<see cref="PaperTradingService.EngageKillSwitch"/>).</summary>
/// <param name="Account">The account, or null for every account (global).</param>
/// <param name="NewlyEngaged">False when the switch was already engaged for that scope (the orders were cancelled again anyway).</param>
/// <param name="Reason">Why, as given.</param>
/// <param name="Accounts">Per account: the cancelled pending orders and the closed positions.</param>
public sealed record KillSwitchEngagement(string? Account, bool NewlyEngaged, string Reason, IReadOnlyList<KillSwitchAccountActions> Accounts);

/// <summary>What the kill switch did to one account.</summary>
/// <param name="Account">The account.</param>
/// <param name="Cancelled">One result per pending order removed.</param>
/// <param name="Closed">One result per position closed (empty unless closing was asked).</param>
public sealed record KillSwitchAccountActions(string Account, IReadOnlyList<TradeResult> Cancelled, IReadOnlyList<TradeResult> Closed);
