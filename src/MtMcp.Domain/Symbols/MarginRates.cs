namespace MtMcp.Domain;

/// <summary>
/// Margin rate multipliers per direction, as SymbolInfoMarginRate returns them; buy-side order types
/// (buy, buy limit, buy stop, buy stop-limit) use the long rates, sell-side ones the short rates.
/// </summary>
/// <param name="InitialLong">Initial margin rate for buys.</param>
/// <param name="InitialShort">Initial margin rate for sells.</param>
/// <param name="MaintenanceLong">Maintenance margin rate for buys.</param>
/// <param name="MaintenanceShort">Maintenance margin rate for sells.</param>
public readonly record struct MarginRates(double InitialLong, double InitialShort, double MaintenanceLong, double MaintenanceShort)
{
    /// <summary>Rates of 1: the calc-mode formula alone decides.</summary>
    public static MarginRates One { get; } = new(1, 1, 1, 1);

    /// <summary>The initial rate for a position in direction <paramref name="direction"/>.</summary>
    public double Initial(PositionType direction) => direction == PositionType.Buy ? InitialLong : InitialShort;
}
