using System.Numerics;
using System.Runtime.InteropServices;

namespace MtMcp.Indicators;

/// <summary>A function of one value, applied element by element (the math transforms).</summary>
internal interface IUnaryFunction
{
    /// <summary>The function.</summary>
    static abstract double Apply(double x);

    /// <summary>Whether <see cref="Apply(Vector{double})"/> exists and rounds exactly as the scalar form.</summary>
    static virtual bool IsVectorized => false;

    /// <summary>The function on a vector of values.</summary>
    static virtual Vector<double> Apply(Vector<double> x) => throw new NotSupportedException();
}

/// <summary>A function of two values, applied element by element (the arithmetic operators, the median price).</summary>
internal interface IBinaryFunction
{
    /// <summary>The function.</summary>
    static abstract double Apply(double a, double b);

    /// <summary>The function on vectors; every lane rounds exactly as the scalar form.</summary>
    static abstract Vector<double> Apply(Vector<double> a, Vector<double> b);
}

/// <summary>A function of a high, a low and a close (typical and weighted close prices; true range with the previous close).</summary>
internal interface IHighLowCloseFunction
{
    /// <summary>The function.</summary>
    static abstract double Apply(double high, double low, double close);

    /// <summary>The function on vectors; every lane rounds exactly as the scalar form.</summary>
    static abstract Vector<double> Apply(Vector<double> high, Vector<double> low, Vector<double> close);
}

/// <summary>The value of an element-wise indicator for one bar, as its stream computes it.</summary>
internal delegate double BarFunction(in StreamBar bar);

/// <summary>
/// Kernels and registry entries for indicators that map each bar to a value on its own (math transforms,
/// arithmetic operators, price transforms, true range): no warm-up, no state. Exactly rounded operations
/// (+ − × ÷, √, floor, ceiling, max) run on <see cref="Vector{T}"/>; transcendental functions stay scalar,
/// because the vector forms round differently from <see cref="Math"/> and the stream must equal the batch.
/// </summary>
internal static class ElementWise
{
    /// <summary>Metadata of a one-series math transform.</summary>
    public static IndicatorInfo TransformInfo(string name, string title) => new(
        name, title, IndicatorGroup.MathTransform, [InputSeries.Real0], [], [new OutputInfo("real", title)]);

    /// <summary>Metadata of a two-series arithmetic operator.</summary>
    public static IndicatorInfo OperatorInfo(string name, string title) => new(
        name, title, IndicatorGroup.MathOperators, [InputSeries.Real0, InputSeries.Real1], [], [new OutputInfo("real", title)]);

    /// <summary>The registry entry of a math transform of <see cref="InputSeries.Real0"/>.</summary>
    public static Indicator Transform<TFunction>(IndicatorInfo info)
        where TFunction : IUnaryFunction =>
        Entry(
            info,
            (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Map<TFunction>(inputs.Real0, outputs),
            static (in StreamBar bar) => TFunction.Apply(bar.Real0));

    /// <summary>The registry entry of an operator on <see cref="InputSeries.Real0"/> and <see cref="InputSeries.Real1"/>.</summary>
    public static Indicator Operator<TFunction>(IndicatorInfo info)
        where TFunction : IBinaryFunction =>
        Entry(
            info,
            (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Map<TFunction>(inputs.Real0, inputs.Real1, outputs),
            static (in StreamBar bar) => TFunction.Apply(bar.Real0, bar.Real1));

    /// <summary>A registry entry with no warm-up whose stream applies <paramref name="perBar"/> to each bar.</summary>
    public static Indicator Entry(IndicatorInfo info, BatchCompute batch, BarFunction perBar) =>
        new(info, _ => 0, batch, _ => new Stream(info, perBar));

    /// <summary>Writes <c>f(x[i])</c> into <c>output[i]</c> for every i.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than the input.</exception>
    public static void Map<TFunction>(ReadOnlySpan<double> x, Span<double> output)
        where TFunction : IUnaryFunction
    {
        CheckOutput(x.Length, output);
        var i = 0;
        if (TFunction.IsVectorized && Vector.IsHardwareAccelerated)
        {
            ref var xs = ref MemoryMarshal.GetReference(x);
            ref var outs = ref MemoryMarshal.GetReference(output);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                TFunction.Apply(Vector.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref outs, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            output[i] = TFunction.Apply(x[i]);
        }
    }

    /// <summary>Writes <c>f(a[i], b[i])</c> into <c>output[i]</c> for every i.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length, or <paramref name="output"/> is shorter.</exception>
    public static void Map<TFunction>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> output)
        where TFunction : IBinaryFunction
    {
        CheckInput(a.Length, b.Length, nameof(b));
        CheckOutput(a.Length, output);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var a0 = ref MemoryMarshal.GetReference(a);
            ref var b0 = ref MemoryMarshal.GetReference(b);
            ref var outs = ref MemoryMarshal.GetReference(output);
            for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var at = (nuint)i;
                TFunction.Apply(Vector.LoadUnsafe(ref a0, at), Vector.LoadUnsafe(ref b0, at)).StoreUnsafe(ref outs, at);
            }
        }

        for (; i < a.Length; i++)
        {
            output[i] = TFunction.Apply(a[i], b[i]);
        }
    }

    /// <summary>Writes <c>f(high[i], low[i], close[i])</c> into <c>output[i]</c> for every i.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length, or <paramref name="output"/> is shorter.</exception>
    public static void Map<TFunction>(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
        where TFunction : IHighLowCloseFunction
    {
        CheckInput(high.Length, low.Length, nameof(low));
        CheckInput(high.Length, close.Length, nameof(close));
        CheckOutput(high.Length, output);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var h = ref MemoryMarshal.GetReference(high);
            ref var l = ref MemoryMarshal.GetReference(low);
            ref var c = ref MemoryMarshal.GetReference(close);
            ref var outs = ref MemoryMarshal.GetReference(output);
            for (; i <= high.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var at = (nuint)i;
                TFunction.Apply(Vector.LoadUnsafe(ref h, at), Vector.LoadUnsafe(ref l, at), Vector.LoadUnsafe(ref c, at)).StoreUnsafe(ref outs, at);
            }
        }

        for (; i < high.Length; i++)
        {
            output[i] = TFunction.Apply(high[i], low[i], close[i]);
        }
    }

    /// <summary>Throws unless an input has the length of the first.</summary>
    public static void CheckInput(int expected, int actual, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Input '{name}' has {actual} values, the first input {expected}; all inputs must have the same length.", name);
        }
    }

    /// <summary>Throws unless the output can hold one value per input bar.</summary>
    public static void CheckOutput(int length, Span<double> output)
    {
        if (output.Length < length)
        {
            throw new ArgumentException($"The output holds {output.Length} values; it needs one per input bar ({length}).", nameof(output));
        }
    }

    /// <summary>The stream of an element-wise indicator: the function of the last bar.</summary>
    private sealed class Stream(IndicatorInfo info, BarFunction perBar) : IStreamingIndicator
    {
        private double _value = double.NaN;

        public IndicatorInfo Info => info;

        public int Count { get; private set; }

        public bool IsReady => Count > 0;

        public void Add(in StreamBar bar)
        {
            Count++;
            _value = perBar(bar);
        }

        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Count = 1;
            }

            _value = perBar(bar);
        }

        public double Value(int output) => _value;
    }
}
