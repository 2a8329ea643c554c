using MtMcp.DemoMarket.Model;

namespace MtMcp.DemoMarket.Generation;

/// <summary>Turns a model mid into bid/ask on the symbol's tick grid, identically for ticks and bars.</summary>
internal static class Pricing
{
    /// <summary>The bid in whole ticks: the mid less half the spread, rounded to the grid.</summary>
    public static long BidTicks(double mid, long spreadTicks, double tickSize) =>
        (long)Math.Round((mid - (spreadTicks * tickSize * 0.5)) / tickSize);

    /// <summary>The price of <paramref name="ticks"/> whole ticks, rounded to the symbol's digits (as <c>SymbolSpec.NormalizePrice</c>).</summary>
    public static double Price(long ticks, SymbolModel symbol) => Math.Round(ticks * symbol.TickSize, symbol.Digits);

    /// <summary>The spread level rounded to whole ticks, at least one.</summary>
    public static long LevelTicks(double level) => Math.Max(1, (long)Math.Round(level));
}
