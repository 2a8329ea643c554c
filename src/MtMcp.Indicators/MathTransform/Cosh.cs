namespace MtMcp.Indicators;

/// <summary>Hyperbolic cosine (TA-Lib COSH) of each value.</summary>
public static class Cosh
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("cosh", "Vector Trigonometric Cosh");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the hyperbolic cosine of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static double Apply(double x) => Math.Cosh(x);
    }
}
