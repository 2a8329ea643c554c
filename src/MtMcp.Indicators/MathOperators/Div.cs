using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>Quotient of two series (TA-Lib DIV): <c>real0 ÷ real1</c> bar by bar.</summary>
public static class Div
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = ElementWise.OperatorInfo("div", "Vector Arithmetic Div");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = ElementWise.Operator<Function>(Info);

    /// <summary>Writes <c>real0 ÷ real1</c> into <paramref name="output"/> for every bar.</summary>
    public static void Compute(ReadOnlySpan<double> real0, ReadOnlySpan<double> real1, Span<double> output) =>
        ElementWise.Map<Function>(real0, real1, output);

    private readonly struct Function : IBinaryFunction
    {
        public static double Apply(double a, double b) => a / b;

        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a / b;
    }
}
