namespace MtMcp.Indicators.Tests;

internal static partial class NotYetImplemented
{
    // A property, not a field: fields of partial classes initialise in no defined order.
    private static string[] MomentumIndicators =>
    [
        "ADX",
        "ADXR",
        "AROON",
        "AROONOSC",
        "BOP",
        "CCI",
        "CMO",
        "DX",
        "IMI",
        "MFI",
        "MINUS_DI",
        "MINUS_DM",
        "MOM",
        "PLUS_DI",
        "PLUS_DM",
        "ROC",
        "ROCP",
        "ROCR",
        "ROCR100",
        "RSI",
        "ULTOSC",
        "WILLR",
    ];
}
