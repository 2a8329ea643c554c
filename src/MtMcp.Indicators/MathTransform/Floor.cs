using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Floor (TA-Lib FLOOR) of each value.</summary>
public static class Floor
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.TransformInfo("floor", "Vector Floor");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Transform<Function>(Info);

    /// <summary>Writes the floor of each value of <paramref name="real"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) => ElementWise.Map<Function>(real, output);

    private readonly struct Function : IUnaryFunction
    {
        public static bool IsVectorized => true;

        public static double Apply(double x) => Math.Floor(x);

        public static Vector<double> Apply(Vector<double> x) => Vector.Floor(x);
    }
}
