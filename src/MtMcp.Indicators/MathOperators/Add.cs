using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Sum of two series (TA-Lib ADD): <c>real0 + real1</c> bar by bar.</summary>
public static class Add
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.OperatorInfo("add", "Vector Arithmetic Add");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Operator<Function>(Info);

    /// <summary>Writes <c>real0 + real1</c> into <paramref name="output"/> for every bar.</summary>
    public static void Compute(ReadOnlySpan<double> real0, ReadOnlySpan<double> real1, Span<double> output) =>
        ElementWise.Map<Function>(real0, real1, output);

    private readonly struct Function : IBinaryFunction
    {
        public static double Apply(double a, double b) => a + b;

        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a + b;
    }
}
