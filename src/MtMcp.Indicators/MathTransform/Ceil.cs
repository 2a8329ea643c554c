using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Ceiling (TA-Lib CEIL) of each value.</summary>
public static class Ceil
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("ceil", "Vector Ceil");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the ceiling of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static bool IsVectorized => true;

        public static double Apply(double x) => Math.Ceiling(x);

        public static Vector<double> Apply(Vector<double> x) => Vector.Ceiling(x);
    }
}
