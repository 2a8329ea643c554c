using System.Globalization;

namespace MtMcp.Indicators.Tests;

/// <summary>Shared steps of the tests that replay hand-made TA-Lib cases: bind the case, find an output, compare a value.</summary>
internal static class TaLibCaseHarness
{
    /// <summary>The registered indicator and its parameters bound from TA-Lib's <c>name=value,…</c> list (may be empty).</summary>
    public static (Indicator Indicator, IndicatorParameters Parameters) Bind(string function, string parameters)
    {
        var indicator = IndicatorRegistry.Get(function);
        var values = parameters.Length == 0
            ? []
            : parameters.Split(',').Select(p => KeyValuePair.Create(p.Split('=')[0], p.Split('=')[1]));
        return (indicator, IndicatorParameters.Bind(indicator.Info, values));
    }

    /// <summary>The index of the output called <paramref name="name"/>.</summary>
    public static int OutputIndex(Indicator indicator, string name)
    {
        for (var k = 0; k < indicator.Info.Outputs.Count; k++)
        {
            if (indicator.Info.Outputs[k].Name == name)
            {
                return k;
            }
        }

        throw new ArgumentException($"{indicator.Name} has no output {name}", nameof(name));
    }

    /// <summary>Both NaN, or within <paramref name="tolerance"/> (absolute) of each other.</summary>
    public static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}"));
    }
}
