namespace MtMcp.Indicators.Tests;

internal static partial class NotYetImplemented
{
    // A property, not a field: fields of partial classes initialise in no defined order.
    private static string[] StatisticAndMath => [];
}
