namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    private static partial IEnumerable<Indicator> MomentumMaBased() =>
    [
        Apo.Definition,
        Macd.Definition,
        MacdExt.Definition,
        MacdFix.Definition,
        Ppo.Definition,
        Stoch.Definition,
        StochF.Definition,
        StochRsi.Definition,
        Trix.Definition,
    ];
}
