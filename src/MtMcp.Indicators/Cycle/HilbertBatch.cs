namespace MtMcp.Indicators;

/// <summary>Runs a Hilbert-family function over a whole series.</summary>
internal static class HilbertBatch
{
    /// <summary>Steps <paramref name="state"/> over <paramref name="real"/> from bar 0 and writes output 0 from <paramref name="lookback"/> on.</summary>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Run<T>(T state, int lookback, ReadOnlySpan<double> real, Span<double> output)
        where T : struct, IHilbertIndicator
    {
        CheckLength(real, output, "output");
        for (var i = 0; i < real.Length; i++)
        {
            state.Step(real[i]);
            if (i >= lookback)
            {
                output[i] = state.Output(0);
            }
        }
    }

    /// <summary>Steps <paramref name="state"/> over <paramref name="real"/> from bar 0 and writes outputs 0 and 1 from <paramref name="lookback"/> on.</summary>
    /// <exception cref="ArgumentException">An output is shorter than the input.</exception>
    public static void Run<T>(T state, int lookback, ReadOnlySpan<double> real, Span<double> first, Span<double> second)
        where T : struct, IHilbertIndicator
    {
        CheckLength(real, first, "first output");
        CheckLength(real, second, "second output");
        for (var i = 0; i < real.Length; i++)
        {
            state.Step(real[i]);
            if (i >= lookback)
            {
                first[i] = state.Output(0);
                second[i] = state.Output(1);
            }
        }
    }

    private static void CheckLength(ReadOnlySpan<double> real, Span<double> output, string what)
    {
        if (output.Length < real.Length)
        {
            throw new ArgumentException($"The {what} holds {output.Length} values but the input has {real.Length}; it must hold at least as many.");
        }
    }
}
