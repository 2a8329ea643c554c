namespace MtMcp.Live;

/// <summary>One order a live strategy sent and what became of it.</summary>
/// <param name="TimeMs">Venue time, Unix ms UTC.</param>
/// <param name="BarTime">Open time (Unix s) of the bar that triggered it.</param>
/// <param name="Action">What the strategy asked: buy, sell, buy_limit, …, close, stops.</param>
/// <param name="Volume">Lots (0 for stops).</param>
/// <param name="Price">Fill or order price; 0 when none.</param>
/// <param name="Retcode">The venue's (or the risk gate's) answer.</param>
/// <param name="Message">The answer in words.</param>
public sealed record StrategySignal(long TimeMs, long BarTime, string Action, decimal Volume, double Price, TradeRetcode Retcode, string Message);
