namespace MtMcp.Indicators;

/// <summary>Tangent (TA-Lib TAN) of each value.</summary>
public static class Tan
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("tan", "Vector Trigonometric Tan");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the tangent of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static double Apply(double x) => Math.Tan(x);
    }
}
