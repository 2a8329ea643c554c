namespace MtMcp.Indicators;

public static partial class IndicatorRegistry
{
    private static partial IEnumerable<Indicator> StatisticAndMath() =>
    [
        // Statistic functions (and AVGDEV, which TA-Lib files under price transforms).
        Beta.Definition, Correl.Definition, LinearReg.Definition, LinearRegAngle.Definition, LinearRegIntercept.Definition,
        LinearRegSlope.Definition, StdDev.Definition, Tsf.Definition, Var.Definition, AvgDev.Definition,

        // Math transforms.
        Acos.Definition, Asin.Definition, Atan.Definition, Ceil.Definition, Cos.Definition, Cosh.Definition, Exp.Definition,
        Floor.Definition, Ln.Definition, Log10.Definition, Sin.Definition, Sinh.Definition, Sqrt.Definition, Tan.Definition,
        Tanh.Definition,

        // Math operators.
        Add.Definition, Sub.Definition, Mult.Definition, Div.Definition, Sum.Definition,
        Max.Definition, Min.Definition, MaxIndex.Definition, MinIndex.Definition, MinMax.Definition, MinMaxIndex.Definition,
    ];
}
