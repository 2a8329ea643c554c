namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    private static partial IEnumerable<Indicator> OverlapStudies() =>
    [
        Sma.Definition,
        Ema.Definition,
        Wma.Definition,
        Dema.Definition,
        Tema.Definition,
        Trima.Definition,
        Kama.Definition,
        T3.Definition,
        MovingAverage.Definition,
        Mavp.Definition,
        Bbands.Definition,
        Midpoint.Definition,
        Midprice.Definition,
        Sar.Definition,
        SarExt.Definition,
        AccBands.Definition,
    ];
}
