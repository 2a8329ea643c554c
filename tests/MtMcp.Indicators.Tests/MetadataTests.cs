using System.Text.Json;

namespace MtMcp.Indicators.Tests;

/// <summary>Our metadata of every implemented TA-Lib function against TA-Lib's own (Golden/functions.json).</summary>
public sealed class MetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> s_taLib = new(() =>
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(GoldenFile.Folder, "functions.json")));
        return json.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    });

    public static TheoryData<string> Implemented() =>
        [.. s_taLib.Value.Keys.Where(f => IndicatorRegistry.TryGet(f, out _)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Implemented))]
    public void Info_MatchesTaLibNamesDefaultsAndOutputs(string function)
    {
        var taLib = s_taLib.Value[function];
        var info = IndicatorRegistry.Get(function).Info;

        Assert.Equal(function.ToLowerInvariant(), info.Name);
        Assert.True(info.IsTaLib);
        Assert.Equal(
            taLib.GetProperty("optInputs").EnumerateArray().Select(o => (TaLibNames.Parameter(o.GetProperty("name").GetString()!), o.GetProperty("defaultValue").GetDouble())),
            info.Parameters.Select(p => (p.Name, p.Default)));
        Assert.Equal(
            taLib.GetProperty("outputs").EnumerateArray().Select(o => TaLibNames.Output(o.GetProperty("name").GetString()!)),
            info.Outputs.Select(o => o.Name));
        Assert.All(info.Parameters, p => Assert.InRange(p.Default, p.Min, p.Max));
        Assert.Equal(GroupOf(taLib.GetProperty("group").GetString()!), info.Group);
    }

    [Fact]
    public void Bind_UnknownParameter_ListsTheAllowedOnes()
    {
        var error = Assert.Throws<IndicatorException>(() => IndicatorParameters.Bind(Sma.Info, [KeyValuePair.Create("length", "5")]));
        Assert.Contains("length", error.Message, StringComparison.Ordinal);
        Assert.Contains("time_period (period)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-3", "from 2 to 100000")]
    [InlineData("2.5", "whole number")]
    [InlineData("abc", "'abc'")]
    [InlineData("1", "time_period = 1 is not allowed")]
    public void Bind_BadValue_NamesTheParameterAndRange(string value, string expected)
    {
        var error = Assert.Throws<IndicatorException>(() => IndicatorParameters.Bind(Sma.Info, [KeyValuePair.Create("period", value)]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("time_period", error.Parameter);
    }

    [Fact]
    public void Compute_NaNInInput_NamesTheBar()
    {
        double[] close = [1, 2, double.NaN, 4, 5];
        var error = Assert.Throws<IndicatorException>(() => Sma.Definition.Compute(new IndicatorInputs { Real0 = close }, IndicatorParameters.FromValues(Sma.Info, 2)));
        Assert.Contains("bar 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PeriodLongerThanTheData_SaysHowManyBarsAreNeeded()
    {
        var error = Assert.Throws<IndicatorException>(() => Sma.Definition.Compute(new IndicatorInputs { Real0 = new double[10] }, IndicatorParameters.FromValues(Sma.Info, 30)));
        Assert.Contains("needs at least 30 bars", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownIndicator_SuggestsNames()
    {
        var error = Assert.Throws<IndicatorException>(() => IndicatorRegistry.Get("smaa"));
        Assert.Contains("sma", error.Message, StringComparison.Ordinal);
    }

    private static IndicatorGroup GroupOf(string taLibGroup) => taLibGroup switch
    {
        "Overlap Studies" => IndicatorGroup.OverlapStudies,
        "Momentum Indicators" => IndicatorGroup.MomentumIndicators,
        "Volume Indicators" => IndicatorGroup.VolumeIndicators,
        "Volatility Indicators" => IndicatorGroup.VolatilityIndicators,
        "Price Transform" => IndicatorGroup.PriceTransform,
        "Cycle Indicators" => IndicatorGroup.CycleIndicators,
        "Pattern Recognition" => IndicatorGroup.PatternRecognition,
        "Statistic Functions" => IndicatorGroup.StatisticFunctions,
        "Math Transform" => IndicatorGroup.MathTransform,
        "Math Operators" => IndicatorGroup.MathOperators,
        _ => throw new ArgumentOutOfRangeException(nameof(taLibGroup), taLibGroup, null),
    };
}
