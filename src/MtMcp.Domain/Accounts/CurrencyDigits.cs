namespace MtMcp.Domain;

/// <summary>Decimal places of money amounts per account currency, and MetaTrader-style rounding.</summary>
public static class CurrencyDigits
{
    // Currencies without minor units in everyday account statements.
    private static readonly string[] s_zeroDigit = ["JPY", "KRW", "HUF", "CLP", "ISK", "VND", "IDR"];

    /// <summary>Digits used for balances and deal profits in <paramref name="currency"/>: 0 for JPY and similar, otherwise 2.</summary>
    public static int For(string currency) =>
        Array.Exists(s_zeroDigit, c => c.Equals(currency, StringComparison.OrdinalIgnoreCase)) ? 0 : 2;

    /// <summary>Rounds a money amount to <paramref name="digits"/> decimals, halves away from zero (MQL's NormalizeDouble).</summary>
    public static decimal Round(decimal amount, int digits) => Math.Round(amount, digits, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a computed money amount (a double) into the ledger's decimal at <paramref name="digits"/> decimals.</summary>
    public static decimal Round(double amount, int digits)
    {
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A money amount must be finite.");
        }

        // Round the double at the 10th decimal first so 0.125 stored as 0.12499999... still rounds up.
        return Round(Math.Round((decimal)amount, 10, MidpointRounding.AwayFromZero), digits);
    }
}
