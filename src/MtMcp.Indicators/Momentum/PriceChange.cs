using System.Runtime.CompilerServices;
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

        // The loop is bound by memory and the division, not by the loop: one vector per step, as few instructions
        // around it as possible, and no bounds or overflow checks (the lengths were checked by the caller and above).
        var count = (nuint)(real.Length - period);
        ref var previous = ref MemoryMarshal.GetReference(real);
        ref var current = ref Unsafe.Add(ref previous, period);
        ref var target = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), period);
        unchecked
        {
            nuint i = 0;
            var vectorEnd = count & ~(nuint)7;
            for (; i < vectorEnd; i += 8)
            {
                TFormula.Of(Vector512.LoadUnsafe(ref current, i), Vector512.LoadUnsafe(ref previous, i)).StoreUnsafe(ref target, i);
            }

            for (; i < count; i++)
            {
                Unsafe.Add(ref target, i) = TFormula.Of(Unsafe.Add(ref current, i), Unsafe.Add(ref previous, i));
            }
        }
    }

    /// <summary>The ratio forms' rule: 0 where the earlier value is 0 (TA-Lib's convention, instead of an infinity).</summary>
    /// <remarks>
    /// Written as "value where the earlier value is not 0, else 0" so the JIT folds the select into the last operation
    /// of <paramref name="value"/> as a zeroing mask (<c>vmulpd {k}{z}</c>), as gcc does in TA-Lib, instead of a blend.
    /// </remarks>
    public static Vector512<double> ZeroWherePreviousIsZero(Vector512<double> previous, Vector512<double> value) =>
        Vector512.ConditionalSelect(~Vector512.Equals(previous, Vector512<double>.Zero), value, Vector512<double>.Zero);
}
