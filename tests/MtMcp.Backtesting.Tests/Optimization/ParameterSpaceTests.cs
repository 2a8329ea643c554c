namespace MtMcp.Backtesting.Tests.Optimization;

public sealed class ParameterSpaceTests
{
    [Theory]
    [InlineData("fast=5:50:5", "fast", 5, 50, 5, 10)]
    [InlineData("fast = 5:50", "fast", 5, 50, 1, 46)]
    [InlineData("slow=30", "slow", 30, 30, 0, 1)]
    [InlineData("k=0.1:0.3:0.1", "k", 0.1, 0.3, 0.1, 3)]
    [InlineData("k=1:2:0.3", "k", 1, 2, 0.3, 4)]
    public void Parse_ValidText_GivesRangeAndCount(string text, string name, double start, double stop, double step, int count)
    {
        var range = ParameterRange.Parse(text);

        Assert.Equal(new ParameterRange(name, start, stop, step), range);
        Assert.Equal(count, range.Count);
    }

    [Fact]
    public void ValueAt_DecimalStep_LandsOnTheGrid()
    {
        var range = ParameterRange.Parse("k=0.1:0.3:0.1");

        Assert.Equal([0.1, 0.2, 0.3], Enumerable.Range(0, range.Count).Select(range.ValueAt));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("=5:10")]
    [InlineData("fast=a:10")]
    [InlineData("fast=10:5:1")]
    [InlineData("fast=5:10:0")]
    [InlineData("fast=5:10:-1")]
    [InlineData("fast=1:2:3:4")]
    [InlineData("fast=0:1e9:1")]
    public void Parse_InvalidText_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ParameterRange.Parse(text));

    [Fact]
    public void Create_DeclaredRangesAndOverrides_SearchesStepsAndFixesTheRest()
    {
        ParameterLimits[] declared =
        [
            new("fast", 10, 2, 200, 1),
            new("slow", 20, 2, 500, 1),
            new("factor", 2, 1, 3, 0),
        ];

        var space = ParameterSpace.Create(declared, ["FAST=5:50:5", "slow=30"]);

        Assert.Equal(["fast", "slow", "factor"], space.Ranges.Select(r => r.Name));
        Assert.Equal(10, space.Count);
        Assert.Equal([5.0, 30, 2], space.Values(0));
        Assert.Equal([50.0, 30, 2], space.Values(9));
    }

    [Fact]
    public void Create_NoOverrides_UsesDeclaredRangesWithSteps()
    {
        var space = ParameterSpace.Create([new("fast", 10, 2, 200, 1), new("slow", 20, 2, 500, 1)], []);

        Assert.Equal(199L * 499, space.Count);
    }

    [Theory]
    [InlineData("fats=5:10", "no parameter 'fats'")]
    [InlineData("fast=1:10", "leaves the declared range")]
    [InlineData("fast=5:300:5", "leaves the declared range")]
    public void Create_BadOverride_ThrowsNamingTheProblem(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterSpace.Create([new("fast", 10, 2, 200, 1)], [text]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoDeclarations_TakesTheOverridesAsTheSpace()
    {
        var space = ParameterSpace.Create([], ["fast=5:15:5", "slow=20:40:10"]);

        Assert.Equal(9, space.Count);
    }

    [Fact]
    public void Decode_EveryCombination_RoundTripsAndVariesTheLastParameterFastest()
    {
        var space = new ParameterSpace([new("a", 1, 3, 1), new("b", 10, 40, 10), new("c", 0, 1, 1)]);
        var genes = new int[3];
        var seen = new HashSet<string>();

        for (long k = 0; k < space.Count; k++)
        {
            space.Decode(k, genes);
            Assert.Equal(k, space.Encode(genes));
            Assert.True(seen.Add(string.Join(',', genes)));
        }

        Assert.Equal(24, seen.Count);
        Assert.Equal([1.0, 10, 1], space.Values(1));
        Assert.Equal([1.0, 20, 0], space.Values(2));
    }

    [Fact]
    public void Constructor_RepeatedName_Throws() =>
        Assert.Throws<ArgumentException>(() => new ParameterSpace([new("a", 1, 3, 1), new("A", 1, 2, 1)]));
}
