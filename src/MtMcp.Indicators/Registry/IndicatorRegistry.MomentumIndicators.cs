namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    private static partial IEnumerable<Indicator> MomentumIndicators() =>
    [
        Adx.Definition,
        Adxr.Definition,
        Aroon.Definition,
        AroonOsc.Definition,
        Bop.Definition,
        Cci.Definition,
        Cmo.Definition,
        Dx.Definition,
        Imi.Definition,
        Mfi.Definition,
        MinusDi.Definition,
        MinusDm.Definition,
        Mom.Definition,
        PlusDi.Definition,
        PlusDm.Definition,
        Roc.Definition,
        Rocp.Definition,
        Rocr.Definition,
        Rocr100.Definition,
        Rsi.Definition,
        UltOsc.Definition,
        WillR.Definition,
    ];
}
