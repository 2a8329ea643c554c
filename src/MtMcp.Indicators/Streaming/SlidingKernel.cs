namespace MtMcp.Indicators;

/// <summary>
/// A rolling-window recurrence in TA-Lib's shape: <see cref="Add"/> for the first <c>period − 1</c> values, then
/// <see cref="Step"/> per value with the window's oldest value. A copy of the struct saves its state.
/// </summary>
internal interface ISlidingKernel
{
    /// <summary>Feeds a warm-up value (the window is not full yet).</summary>
    void Add(double x);

    /// <summary>Feeds <paramref name="newest"/> to a full window whose first value is <paramref name="oldest"/>; returns the output.</summary>
    double Step(double newest, double oldest);
}

/// <summary>Runs an <see cref="ISlidingKernel"/> over a span; generic over the struct so every call is direct.</summary>
internal static class SlidingKernel
{
    /// <summary>Writes the kernel's outputs for <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute<TKernel>(TKernel kernel, ReadOnlySpan<double> real, int period, Span<double> output)
        where TKernel : struct, ISlidingKernel
    {
        for (var i = 0; i < period - 1 && i < real.Length; i++)
        {
            kernel.Add(real[i]);
        }

        for (var i = period - 1; i < real.Length; i++)
        {
            output[i] = kernel.Step(real[i], real[i - period + 1]);
        }
    }
}

/// <summary>
/// The streaming form of an <see cref="ISlidingKernel"/>: O(1) per value, bit-identical to
/// <see cref="SlidingKernel.Compute"/>; the forming value is replaced by restoring the kernel saved before it
/// and taking back the window's last push.
/// </summary>
internal struct SlidingKernelStream<TKernel>
    where TKernel : struct, ISlidingKernel
{
    private readonly SlidingWindow _window;
    private TKernel _kernel;
    private TKernel _beforeLast;

    public SlidingKernelStream(int period, TKernel kernel)
    {
        _window = new SlidingWindow(period);
        _kernel = kernel;
        Value = double.NaN;
    }

    /// <summary>Values seen so far (an update in place does not count).</summary>
    public int Count { get; private set; }

    /// <summary>Whether the window is full, so <see cref="Value"/> is defined.</summary>
    public readonly bool IsReady => _window.IsFull;

    /// <summary>The current output; NaN during the warm-up.</summary>
    public double Value { get; private set; }

    /// <summary>Appends a value.</summary>
    public void Add(double x)
    {
        _beforeLast = _kernel;
        Count++;
        Step(x);
    }

    /// <summary>Replaces the last value; the first call behaves as <see cref="Add"/>.</summary>
    public void UpdateLast(double x)
    {
        if (Count == 0)
        {
            Add(x);
            return;
        }

        _kernel = _beforeLast;
        _window.UndoPush();
        Step(x);
    }

    private void Step(double x)
    {
        _window.Push(x);
        if (_window.IsFull)
        {
            Value = _kernel.Step(x, _window.Oldest);
        }
        else
        {
            _kernel.Add(x);
            Value = double.NaN;
        }
    }
}
