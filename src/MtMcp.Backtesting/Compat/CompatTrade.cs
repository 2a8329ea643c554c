namespace MtMcp.Backtesting;

/// <summary>A trade of the backtesting.py-compatible broker; whole units, entry price spread-adjusted.</summary>
internal sealed class CompatTrade(double size, double entryPrice, int entryBar, string? tag)
{
    public double Size { get; set; } = size;

    public double EntryPrice { get; } = entryPrice;

    public int EntryBar { get; } = entryBar;

    public double ExitPrice { get; set; } = double.NaN;

    public int ExitBar { get; set; } = -1;

    public string? Tag { get; } = tag;

    public CompatOrder? StopLossOrder { get; set; }

    public CompatOrder? TakeProfitOrder { get; set; }

    /// <summary>SL level; kept on the closed trade even when the SL order fired (backtesting.py clears the order's stop).</summary>
    public double StopLoss { get; set; } = double.NaN;

    public double TakeProfit { get; set; } = double.NaN;

    /// <summary>Entry plus exit commission, set on close.</summary>
    public double Commissions { get; set; }

    public bool IsLong => Size > 0;

    /// <summary>Profit at <paramref name="price"/> (the exit price once closed) less the commissions booked on close.</summary>
    public double ProfitAt(double price) => Size * ((double.IsNaN(ExitPrice) ? price : ExitPrice) - EntryPrice) - Commissions;

    public double ReturnAt(double price)
    {
        var p = double.IsNaN(ExitPrice) ? price : ExitPrice;
        return Math.CopySign(1, Size) * (p / EntryPrice - 1) - Commissions / (Math.Abs(Size) * EntryPrice);
    }

    public CompatTrade CopyWithSize(double size) => new(size, EntryPrice, EntryBar, Tag);
}
