namespace MtMcp.Reports;

/// <summary>One trade of a report.</summary>
/// <param name="Symbol">Symbol traded.</param>
/// <param name="Size">Signed size (positive long, negative short): units in backtesting.py mode, lots otherwise.</param>
/// <param name="EntryTimeMs">Entry time, Unix ms UTC.</param>
/// <param name="EntryPrice">Entry price.</param>
/// <param name="ExitTimeMs">Exit time, Unix ms UTC; null while open.</param>
/// <param name="ExitPrice">Exit price; null while open.</param>
/// <param name="Profit">Result in the account currency after commissions (and swaps).</param>
/// <param name="ReturnPct">Return in percent (backtests: of the entry value; accounts: of the balance before the closing deal).</param>
public sealed record ReportTrade(string Symbol, double Size, long EntryTimeMs, double EntryPrice, long? ExitTimeMs, double? ExitPrice, double Profit, double ReturnPct)
{
    /// <summary>True while the trade is open (valued at the last price).</summary>
    public bool IsOpen => ExitTimeMs is null;
}
