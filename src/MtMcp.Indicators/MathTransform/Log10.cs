namespace MtMcp.Indicators;

/// <summary>Base-10 logarithm (TA-Lib LOG10) of each value; NaN for negative values, −∞ for 0.</summary>
public static class Log10
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("log10", "Vector Log10");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the base-10 logarithm of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static double Apply(double x) => Math.Log10(x);
    }
}
