namespace MtMcp.Indicators;

/// <summary>A single-series recurrence (chained EMAs, a T3) fed value by value; a copy of the struct saves its state.</summary>
internal interface IChain
{
    /// <summary>Whether the warm-up has passed.</summary>
    bool IsReady { get; }

    /// <summary>Feeds the next value; returns the output, NaN during the warm-up.</summary>
    double Next(double x);
}

/// <summary>
/// Runs an <see cref="IChain"/> in both forms: over a span (batch) and value by value with update-in-place of the
/// forming bar, by copying the chain before each new bar. Generic over the struct so every call is direct.
/// </summary>
internal struct ChainStream<TChain>
    where TChain : struct, IChain
{
    private TChain _chain;
    private TChain _beforeLast;

    public ChainStream(TChain chain)
    {
        _chain = chain;
        Value = double.NaN;
    }

    /// <summary>Values seen so far (an update in place does not count).</summary>
    public int Count { get; private set; }

    /// <summary>Whether the warm-up has passed.</summary>
    public readonly bool IsReady => _chain.IsReady;

    /// <summary>The current output; NaN during the warm-up.</summary>
    public double Value { get; private set; }

    /// <summary>Feeds <paramref name="real"/> through <paramref name="chain"/>, writing outputs from index <paramref name="lookback"/> on.</summary>
    public static void Compute(TChain chain, ReadOnlySpan<double> real, int lookback, Span<double> output)
    {
        for (var i = 0; i < real.Length; i++)
        {
            var value = chain.Next(real[i]);
            if (i >= lookback)
            {
                output[i] = value;
            }
        }
    }

    /// <summary>Appends a value.</summary>
    public void Add(double x)
    {
        _beforeLast = _chain;
        Count++;
        Value = _chain.Next(x);
    }

    /// <summary>Replaces the last value; the first call behaves as <see cref="Add"/>.</summary>
    public void UpdateLast(double x)
    {
        if (Count == 0)
        {
            Add(x);
            return;
        }

        _chain = _beforeLast;
        Value = _chain.Next(x);
    }
}
