namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    private static partial IEnumerable<Indicator> VolumeVolatilityAndPrice() =>
    [
        Ad.Definition, AdOsc.Definition, Obv.Definition,
        TRange.Definition, Atr.Definition, Natr.Definition,
        AvgPrice.Definition, MedPrice.Definition, TypPrice.Definition, WclPrice.Definition,
    ];
}
