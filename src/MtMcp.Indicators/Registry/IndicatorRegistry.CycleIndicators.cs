namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    // The Hilbert-transform family; HT_TRENDLINE and MAMA are TA-Lib overlap studies built on the same core.
    private static partial IEnumerable<Indicator> CycleIndicators() =>
    [
        HtDcPeriod.Definition,
        HtDcPhase.Definition,
        HtPhasor.Definition,
        HtSine.Definition,
        HtTrendMode.Definition,
        HtTrendline.Definition,
        Mama.Definition,
    ];
}
