using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>Argument checks of the typed <c>Compute</c> methods and stream constructors (the registry checks its own way).</summary>
internal static class Guard
{
    /// <summary>TA-Lib's largest period.</summary>
    public const int MaxPeriod = 100_000;

    /// <summary>Throws unless <paramref name="period"/> is within TA-Lib's range [<paramref name="min"/>, 100000].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is out of range.</exception>
    public static void Period(int period, int min, [CallerArgumentExpression(nameof(period))] string? name = null)
    {
        if (period < min || period > MaxPeriod)
        {
            throw new ArgumentOutOfRangeException(name, period, $"{name} must be from {min} to {MaxPeriod}.");
        }
    }

    /// <summary>Throws unless <paramref name="series"/> has <paramref name="length"/> values, as the first input has.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void SameLength(int length, ReadOnlySpan<double> series, [CallerArgumentExpression(nameof(series))] string? name = null)
    {
        if (series.Length != length)
        {
            throw new ArgumentException($"{name} has {series.Length} values, the first input {length}; all inputs must have the same length.", name);
        }
    }

    /// <summary>Throws unless <paramref name="output"/> can hold one value per input bar.</summary>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Output(int length, Span<double> output, [CallerArgumentExpression(nameof(output))] string? name = null)
    {
        if (output.Length < length)
        {
            throw new ArgumentException($"{name} has room for {output.Length} values, the input has {length} bars; it must hold one value per bar.", name);
        }
    }
}
