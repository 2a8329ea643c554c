namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    private static partial IEnumerable<Indicator> MetaTraderIndicators() =>
    [
        Smma.Definition,
        HeikinAshi.Definition,
        Donchian.Definition,
        Envelopes.Definition,
        Ichimoku.Definition,
        Vwap.Definition,
        Alligator.Definition,
        Gator.Definition,
        AwesomeOscillator.Definition,
        AcceleratorOscillator.Definition,
        MarketFacilitationIndex.Definition,
        Fractals.Definition,
        Supertrend.Definition,
        Keltner.Definition,
        ZigZag.Definition,
        FibonacciRetracement.Definition,
        SupportResistance.Definition,
        .. PivotPoints.Definitions,
    ];
}
