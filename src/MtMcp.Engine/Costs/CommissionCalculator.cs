namespace MtMcp.Engine;

/// <summary>Commission of one deal per a <see cref="CommissionSchedule"/>. Stateless and thread-safe.</summary>
public static class CommissionCalculator
{
    private const decimal Million = 1_000_000m;

    /// <summary>
    /// Commission of a deal in <paramref name="accountCurrency"/>: <see cref="CommissionSchedule.PerLot"/> × lots
    /// plus <see cref="CommissionSchedule.PerMillion"/> per million of notional (lots × contract size × price,
    /// converted from the profit currency at the pay-side rate), when the schedule charges this side of the
    /// round trip; negative (a charge) or 0, rounded half away from zero to <paramref name="currencyDigits"/>.
    /// </summary>
    /// <param name="schedule">What the venue charges.</param>
    /// <param name="spec">The traded symbol.</param>
    /// <param name="isEntry">Whether the deal opens or adds to a position (false: reduces or closes one).</param>
    /// <param name="lots">Deal volume in lots, not negative.</param>
    /// <param name="price">Deal price.</param>
    /// <param name="accountCurrency">Deposit currency.</param>
    /// <param name="converter">Converts the notional into the deposit currency; only used when the schedule charges per million.</param>
    /// <param name="currencyDigits">Decimal places of the deposit currency.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative lots, or a schedule with a negative charge.</exception>
    /// <exception cref="InvalidOperationException">No quote converts the notional into the deposit currency.</exception>
    public static decimal Commission(
        CommissionSchedule schedule, SymbolSpec spec, bool isEntry, decimal lots, double price, string accountCurrency,
        CurrencyConverter converter, int currencyDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lots);
        ArgumentOutOfRangeException.ThrowIfNegative(schedule.PerLot, nameof(schedule));
        ArgumentOutOfRangeException.ThrowIfNegative(schedule.PerMillion, nameof(schedule));
        var charged = schedule.Sides switch
        {
            CommissionSides.Entry => isEntry,
            CommissionSides.Exit => !isEntry,
            _ => true,
        };
        if (!charged || lots == 0)
        {
            return 0m;
        }

        var amount = schedule.PerLot * lots;
        if (schedule.PerMillion > 0)
        {
            var notional = converter.ConvertCost(TradeMath.Notional(spec, (double)lots, price), spec.CurrencyProfit, accountCurrency);
            amount += schedule.PerMillion * (decimal)notional / Million;
        }

        return -CurrencyDigits.Round(amount, currencyDigits);
    }
}
