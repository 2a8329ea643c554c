namespace MtMcp.Indicators.Tests;

/// <summary>
/// The element-wise kernels: the vector body and the scalar tail both land on the right bars, for every length
/// around the vector width; mismatched inputs are refused with the input's name.
/// </summary>
public sealed class ElementWiseTests
{
    public static TheoryData<int> Lengths() => [.. Enumerable.Range(0, 19)];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void VectorisedTransforms_EveryLength_EqualMathAtEveryBar(int length)
    {
        var real = Series(length, 0);
        AssertEach(real, Sqrt.Compute, Math.Sqrt);
        AssertEach(real, Floor.Compute, Math.Floor);
        AssertEach(real, Ceil.Compute, Math.Ceiling);
        AssertEach(real, Acos.Compute, Math.Acos);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void OperatorsAndPriceTransforms_EveryLength_EqualTheFormulaAtEveryBar(int length)
    {
        var a = Series(length, 1);
        var b = Series(length, 2);
        var c = Series(length, 3);
        var d = Series(length, 4);
        var output = new double[length];

        Div.Compute(a, b, output);
        Assert.Equal(a.Select((x, i) => x / b[i]), output);
        Sub.Compute(a, b, output);
        Assert.Equal(a.Select((x, i) => x - b[i]), output);
        MedPrice.Compute(a, b, output);
        Assert.Equal(a.Select((x, i) => (x + b[i]) / 2), output);
        WclPrice.Compute(a, b, c, output);
        Assert.Equal(a.Select((x, i) => (x + b[i] + (2 * c[i])) / 4), output);
        AvgPrice.Compute(d, a, b, c, output);
        Assert.Equal(a.Select((x, i) => (x + b[i] + c[i] + d[i]) / 4), output);
    }

    [Fact]
    public void Acos_ValuesAboveOne_AreNaNAsInTaLib()
    {
        var output = new double[3];
        Acos.Compute([1.1, 1.0, -1.5], output);
        Assert.True(double.IsNaN(output[0]));
        Assert.Equal(0.0, output[1]);
        Assert.True(double.IsNaN(output[2]));
    }

    [Fact]
    public void Compute_InputsOfDifferentLength_NamesTheInput()
    {
        var error = Assert.Throws<ArgumentException>(() => Add.Compute(new double[5], new double[4], new double[5]));
        Assert.Contains("'b' has 4 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OutputTooShort_SaysHowManyValuesAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => Sqrt.Compute(new double[5], new double[4]));
        Assert.Contains("one per input bar (5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_ReplacesTheFormingBar()
    {
        var stream = Mult.Definition.CreateStream(IndicatorParameters.Defaults(Mult.Info));
        Assert.True(double.IsNaN(stream.Value(0)));
        stream.Add(StreamBar.Value(3, 4));
        stream.UpdateLast(StreamBar.Value(5, 4));
        Assert.Equal(1, stream.Count);
        Assert.Equal(20, stream.Value(0));
    }

    private static void AssertEach(double[] real, Action<ReadOnlySpan<double>, Span<double>> compute, Func<double, double> expected)
    {
        var output = new double[real.Length];
        compute(real, output);
        Assert.Equal(real.Select(expected), output);
    }

    // Values in [0, 1.5], so some of them fall outside acos's domain.
    private static double[] Series(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() * 1.5)];
    }
}
