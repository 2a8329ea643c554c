using System.Globalization;
namespace MtMcp.Engine;

/// <summary>
/// Overnight swaps per <see cref="SymbolSwapMode"/> (mt5.md §8): how many nights a rollover charges and one
/// night's swap of a position in the account currency, or the reopening price of the REOPEN modes.
/// </summary>
/// <remarks>
/// <see cref="SymbolSpec.SwapLong"/> / <see cref="SymbolSpec.SwapShort"/> are what the holder receives
/// (negative = charged), in the mode's unit. Stateless and thread-safe.
/// </remarks>
public static class SwapCalculator
{
    private const double InterestDaysPerYear = 360;

    /// <summary>
    /// How many nights the rollover at the end of server day <paramref name="serverDay"/> charges:
    /// 0 for Saturday and Sunday, 3 for <see cref="SymbolSpec.SwapRollover3Days"/> (the weekend's nights), else 1.
    /// </summary>
    public static int RolloverMultiplier(SymbolSpec spec, DayOfWeek serverDay) => serverDay switch
    {
        DayOfWeek.Saturday or DayOfWeek.Sunday => 0,
        _ when serverDay == spec.SwapRollover3Days => 3,
        _ => 1,
    };

    /// <summary>
    /// One night's swap of <paramref name="position"/> in <paramref name="accountCurrency"/>, unrounded
    /// (positive = credited); 0 for <see cref="SymbolSwapMode.Disabled"/> and the REOPEN modes, which move the
    /// price instead (<see cref="ReopenPrice"/>).
    /// </summary>
    /// <param name="spec">The position's symbol.</param>
    /// <param name="position">The open position.</param>
    /// <param name="quote">The symbol's quote at the rollover; the interest-on-current-price mode values the position at its closing side (Bid for buys, Ask for sells).</param>
    /// <param name="accountCurrency">Deposit currency.</param>
    /// <param name="converter">Converts into the deposit currency: credits at the receive-side rate, charges at the pay-side rate.</param>
    /// <exception cref="InvalidOperationException">No quote converts the swap's currency into the deposit currency.</exception>
    public static double SwapPerNight(SymbolSpec spec, Position position, Quote quote, string accountCurrency, CurrencyConverter converter)
    {
        var isBuy = position.Type == PositionType.Buy;
        var rate = isBuy ? spec.SwapLong : spec.SwapShort;
        var lots = (double)position.Volume;
        if (rate == 0 || lots == 0)
        {
            return 0;
        }

        switch (spec.SwapMode)
        {
            case SymbolSwapMode.Points:
                // Value of one point per lot: ContractSize × Point for forex and CFDs, TickPrice per tick for futures.
                var pointValue = TradeMath.TickValueInProfitCurrency(spec) * spec.Point / spec.TickSize;
                return converter.Convert(lots * rate * pointValue, spec.CurrencyProfit, accountCurrency);
            case SymbolSwapMode.CurrencySymbol:
                return converter.Convert(lots * rate, spec.CurrencyBase, accountCurrency);
            case SymbolSwapMode.CurrencyMargin:
                return converter.Convert(lots * rate, spec.CurrencyMargin, accountCurrency);
            case SymbolSwapMode.CurrencyDeposit:
                return lots * rate;
            case SymbolSwapMode.InterestCurrent:
                var current = isBuy ? quote.Bid : quote.Ask;
                return converter.Convert(Interest(spec, lots, current, rate), spec.CurrencyProfit, accountCurrency);
            case SymbolSwapMode.InterestOpen:
                return converter.Convert(Interest(spec, lots, position.PriceOpen, rate), spec.CurrencyProfit, accountCurrency);
            default:
                return 0;
        }
    }

    /// <summary>
    /// The price a REOPEN-mode position is reopened at after the rollover closes it: the closing price
    /// (<see cref="SymbolSwapMode.ReopenCurrent"/>: Bid for buys, Ask for sells) or the Bid
    /// (<see cref="SymbolSwapMode.ReopenBid"/>), moved by the swap points against the holder when the swap is
    /// negative (a long reopens higher, a short lower), rounded to the tick grid.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol's swap mode is not a REOPEN mode.</exception>
    public static double ReopenPrice(SymbolSpec spec, Position position, Quote quote)
    {
        var isBuy = position.Type == PositionType.Buy;
        var basePrice = spec.SwapMode switch
        {
            SymbolSwapMode.ReopenCurrent => isBuy ? quote.Bid : quote.Ask,
            SymbolSwapMode.ReopenBid => quote.Bid,
            _ => throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{spec.Name} charges swaps as {spec.SwapMode}; only ReopenCurrent and ReopenBid reopen positions."), nameof(spec)),
        };

        // A swap credited to the holder (positive) lowers a long's entry and raises a short's.
        var points = isBuy ? spec.SwapLong : spec.SwapShort;
        var shift = points * spec.Point;
        return spec.NormalizePrice(isBuy ? basePrice - shift : basePrice + shift);
    }

    private static double Interest(SymbolSpec spec, double lots, double price, double annualPercent) =>
        TradeMath.Notional(spec, lots, price) * annualPercent / 100 / InterestDaysPerYear;
}
