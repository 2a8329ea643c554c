namespace MtMcp.Indicators;

/// <summary>Arc cosine (TA-Lib ACOS) of each value; NaN outside [−1, 1], as in TA-Lib.</summary>
public static class Acos
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("acos", "Vector Trigonometric ACos");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the arc cosine of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static double Apply(double x) => Math.Acos(x);
    }
}
