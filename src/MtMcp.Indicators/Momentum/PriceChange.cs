using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>The batch kernel of the change-over-n-bars indicators (MOM, ROC, ROCP, ROCR, ROCR100), vectorised.</summary>
internal static class PriceChange
{
    /// <summary>A change formula, in scalar and vector form; both give the same bits per element.</summary>
    internal interface IFormula
    {
        static abstract double Of(double current, double previous);

        static abstract Vector<double> Of(Vector<double> current, Vector<double> previous);

        static abstract Vector512<double> Of(Vector512<double> current, Vector512<double> previous);
    }

    /// <summary>Writes <c>TFormula(real[i], real[i − period])</c> into <paramref name="output"/> from index <paramref name="period"/> on.</summary>
    public static void Compute<TFormula>(ReadOnlySpan<double> real, int period, Span<double> output)
        where TFormula : struct, IFormula
    {
        if (real.Length <= period)
        {
            return;
        }

        var current = real[period..];
        var previous = real[..current.Length];
        var target = output.Slice(period, current.Length);
        // Vector<T> stays 256 bits wide on AVX-512 machines; the 512-bit path doubles the division throughput there.
        var done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var currentVectors = MemoryMarshal.Cast<double, Vector512<double>>(current);
            var previousVectors = MemoryMarshal.Cast<double, Vector512<double>>(previous);
            var targetVectors = MemoryMarshal.Cast<double, Vector512<double>>(target);
            for (var k = 0; k < currentVectors.Length; k++)
            {
                targetVectors[k] = TFormula.Of(currentVectors[k], previousVectors[k]);
            }

            done = currentVectors.Length * Vector512<double>.Count;
        }
        else if (Vector.IsHardwareAccelerated)
        {
            var currentVectors = MemoryMarshal.Cast<double, Vector<double>>(current);
            var previousVectors = MemoryMarshal.Cast<double, Vector<double>>(previous);
            var targetVectors = MemoryMarshal.Cast<double, Vector<double>>(target);
            for (var k = 0; k < currentVectors.Length; k++)
            {
                targetVectors[k] = TFormula.Of(currentVectors[k], previousVectors[k]);
            }

            done = currentVectors.Length * Vector<double>.Count;
        }

        for (var i = done; i < current.Length; i++)
        {
            target[i] = TFormula.Of(current[i], previous[i]);
        }
    }

    /// <summary>The ratio forms' rule: 0 where the earlier value is 0 (TA-Lib's convention, instead of an infinity).</summary>
    public static Vector<double> ZeroWherePreviousIsZero(Vector<double> previous, Vector<double> value) =>
        Vector.ConditionalSelect(Vector.Equals(previous, Vector<double>.Zero), Vector<double>.Zero, value);

    /// <inheritdoc cref="ZeroWherePreviousIsZero(Vector{double}, Vector{double})"/>
    public static Vector512<double> ZeroWherePreviousIsZero(Vector512<double> previous, Vector512<double> value) =>
        Vector512.ConditionalSelect(Vector512.Equals(previous, Vector512<double>.Zero), Vector512<double>.Zero, value);
}
