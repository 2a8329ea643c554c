namespace MtMcp.Indicators;

/// <summary>Arc sine (TA-Lib ASIN) of each value; NaN outside [−1, 1], as in TA-Lib.</summary>
public static class Asin
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("asin", "Vector Trigonometric ASin");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the arc sine of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static double Apply(double x) => Math.Asin(x);
    }
}
