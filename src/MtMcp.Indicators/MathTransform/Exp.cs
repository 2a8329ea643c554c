namespace MtMcp.Indicators;

/// <summary>Exponential (TA-Lib EXP) of each value.</summary>
public static class Exp
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("exp", "Vector Arithmetic Exp");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the exponential of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static double Apply(double x) => Math.Exp(x);
    }
}
