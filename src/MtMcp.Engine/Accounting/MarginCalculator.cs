using System.Globalization;
namespace MtMcp.Engine;

/// <summary>
/// Margin held by the open positions of one symbol, in the account currency, per MT5's calc-mode formulas
/// (<see cref="TradeMath.Margin"/>) and its two hedged-margin methods (mt5.md §5 and §7).
/// </summary>
/// <remarks>
/// Positions on one side only (every netting position, and an unhedged hedging book) use the market price:
/// Ask for buys, Bid for sells. Opposite positions on a hedging account use
/// <list type="bullet">
/// <item><description>the basic method (<see cref="SymbolSpec.MarginHedgedUseLeg"/> false): the uncovered volume of the
/// larger leg at its market price, plus the hedged volume min(Σbuy, Σsell) either at <see cref="SymbolSpec.MarginHedged"/>
/// money per lot (when <see cref="SymbolSpec.MarginInitial"/> is set) or through the calc-mode formula with
/// MarginHedged as the contract size (priced, and rated, as the larger leg; buys when both legs are equal);</description></item>
/// <item><description>the largest-leg method: each leg's margin at its volume-weighted open price, the larger of the two.</description></item>
/// </list>
/// Every margin converts into the account currency at the current pay-side rate. Stateless and thread-safe.
/// </remarks>
public static class MarginCalculator
{
    /// <summary>
    /// Margin in <paramref name="accountCurrency"/> held by <paramref name="positions"/>, all of the symbol
    /// <paramref name="spec"/> (any mix of sides); 0 for an empty span.
    /// </summary>
    /// <param name="spec">The symbol every position belongs to.</param>
    /// <param name="positions">The symbol's open positions.</param>
    /// <param name="leverage">Account leverage 1:N as N.</param>
    /// <param name="accountCurrency">Deposit currency.</param>
    /// <param name="converter">Converts the margin currency into the deposit currency at current quotes.</param>
    /// <param name="quote">The symbol's current quote.</param>
    /// <exception cref="ArgumentException">A position belongs to another symbol.</exception>
    /// <exception cref="NotSupportedException">The symbol's calc mode has no margin formula here (see <see cref="TradeMath.Margin"/>).</exception>
    /// <exception cref="InvalidOperationException">No quote converts the margin currency into the deposit currency.</exception>
    public static double SymbolMargin(
        SymbolSpec spec, ReadOnlySpan<Position> positions, int leverage, string accountCurrency, CurrencyConverter converter, Quote quote)
    {
        decimal buyLots = 0m, sellLots = 0m;
        double buyWeightedOpen = 0, sellWeightedOpen = 0;
        foreach (var position in positions)
        {
            if (!position.Symbol.Equals(spec.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Position {position.Ticket} is on {position.Symbol}, not {spec.Name}: margin is computed per symbol."), nameof(positions));
            }

            if (position.Type == PositionType.Buy)
            {
                buyLots += position.Volume;
                buyWeightedOpen += (double)position.Volume * position.PriceOpen;
            }
            else
            {
                sellLots += position.Volume;
                sellWeightedOpen += (double)position.Volume * position.PriceOpen;
            }
        }

        var margin = Margin(spec, buyLots, sellLots, buyWeightedOpen, sellWeightedOpen, leverage, quote);
        return margin == 0 ? 0 : converter.ConvertCost(margin, spec.CurrencyMargin, accountCurrency);
    }

    /// <summary>
    /// Margin in <paramref name="accountCurrency"/> of <paramref name="lots"/> opened in direction
    /// <paramref name="side"/> at the current market price with nothing else on the symbol: what an order
    /// check reports as the margin the request alone needs.
    /// </summary>
    /// <exception cref="NotSupportedException">The symbol's calc mode has no margin formula here.</exception>
    /// <exception cref="InvalidOperationException">No quote converts the margin currency into the deposit currency.</exception>
    public static double OrderMargin(
        SymbolSpec spec, PositionType side, decimal lots, int leverage, string accountCurrency, CurrencyConverter converter, Quote quote) =>
        TradeMath.MarginInAccountCurrency(spec, side, (double)lots, MarketPrice(side, quote), leverage, accountCurrency, converter);

    // Margin in the margin currency of a symbol book described by its per-side volumes and Σ lots × open price.
    private static double Margin(
        SymbolSpec spec, decimal buyLots, decimal sellLots, double buyWeightedOpen, double sellWeightedOpen, int leverage, Quote quote)
    {
        if (buyLots == 0 && sellLots == 0)
        {
            return 0;
        }

        if (sellLots == 0)
        {
            return TradeMath.Margin(spec, PositionType.Buy, (double)buyLots, quote.Ask, leverage);
        }

        if (buyLots == 0)
        {
            return TradeMath.Margin(spec, PositionType.Sell, (double)sellLots, quote.Bid, leverage);
        }

        if (spec.MarginHedgedUseLeg)
        {
            var buyLeg = TradeMath.Margin(spec, PositionType.Buy, (double)buyLots, buyWeightedOpen / (double)buyLots, leverage);
            var sellLeg = TradeMath.Margin(spec, PositionType.Sell, (double)sellLots, sellWeightedOpen / (double)sellLots, leverage);
            return Math.Max(buyLeg, sellLeg);
        }

        var larger = buyLots >= sellLots ? PositionType.Buy : PositionType.Sell;
        var price = MarketPrice(larger, quote);
        var hedged = (double)Math.Min(buyLots, sellLots);
        var uncovered = (double)Math.Abs(buyLots - sellLots);
        var uncoveredMargin = uncovered == 0 ? 0 : TradeMath.Margin(spec, larger, uncovered, price, leverage);
        if (spec.MarginHedged == 0)
        {
            // A fully locked volume needs no margin.
            return uncoveredMargin;
        }

        var hedgedMargin = spec.MarginInitial > 0
            ? hedged * spec.MarginHedged * spec.MarginRates.Initial(larger)
            // Every formula is linear in lots × contract size, so "MarginHedged as the contract size" is the
            // formula applied to hedged × MarginHedged / ContractSize lots.
            : TradeMath.Margin(spec, larger, hedged * spec.MarginHedged / spec.ContractSize, price, leverage);
        return uncoveredMargin + hedgedMargin;
    }

    private static double MarketPrice(PositionType side, Quote quote) => side == PositionType.Buy ? quote.Ask : quote.Bid;
}
