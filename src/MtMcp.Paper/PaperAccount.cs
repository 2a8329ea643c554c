namespace MtMcp.Paper;

/// <summary>One paper account inside the service: the engine account, its own quote board and its journal cursor.</summary>
[Mutable]
internal sealed class PaperAccount(TradingAccount trading, QuoteBoard board)
{
    private readonly int _markupBelow = trading.Settings.SpreadMarkupPoints / 2;
    private readonly int _markupAbove = trading.Settings.SpreadMarkupPoints - (trading.Settings.SpreadMarkupPoints / 2);

    /// <summary>The engine account.</summary>
    public TradingAccount Trading { get; } = trading;

    /// <summary>The feed position of the account's last committed step.</summary>
    public long Cursor { get; set; }

    /// <summary>Puts a feed tick on the account's board, widened by the account's spread markup.</summary>
    public void Update(int symbolId, in Tick tick)
    {
        if (_markupBelow == 0 && _markupAbove == 0)
        {
            board.Update(symbolId, tick.Bid, tick.Ask, tick.TimeMs);
            return;
        }

        var spec = board.Spec(symbolId);
        board.Update(symbolId, spec.NormalizePrice(tick.Bid - (_markupBelow * spec.Point)), spec.NormalizePrice(tick.Ask + (_markupAbove * spec.Point)), tick.TimeMs);
    }
}
