namespace MtMcp.Indicators.Tests;

internal static partial class NotYetImplemented
{
    // A property, not a field: fields of partial classes initialise in no defined order.
    private static string[] OverlapStudies =>
    [
        "EMA",
        "WMA",
        "DEMA",
        "TEMA",
        "TRIMA",
        "KAMA",
        "T3",
        "MA",
        "MAVP",
        "BBANDS",
        "MIDPOINT",
        "MIDPRICE",
        "SAR",
        "SAREXT",
        "ACCBANDS",
    ];
}
