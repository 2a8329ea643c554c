using MtMcp.Backtesting;
using MtMcp.Testing;

namespace MtMcp.Strategies.Tests;

/// <summary>C# strategies loaded from an assembly (the test plug-in tests/MtMcp.Strategies.PluginHost).</summary>
public sealed class StrategyAssemblyTests
{
    private const string Namespace = "MtMcp.Strategies.PluginHost.";

    private static string PluginPath()
    {
        // Built next to this project in the same configuration (bin/<config>/<tfm>/).
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(SharedData.RepoRoot, "tests", "MtMcp.Strategies.PluginHost", "bin", configuration, tfm, "MtMcp.Strategies.PluginHost.dll");
    }

    private static string Reference(string type, bool prefix = true) => (prefix ? StrategyAssembly.Prefix : "") + PluginPath() + ":" + Namespace + type;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_PluginStrategy_TradesExactlyAsTheBuiltInOne(bool prefix)
    {
        var options = new NativeOptions { Leverage = 10 };
        var parameters = () => new StrategyParameters().Set("fast", 10).Set("slow", 30);
        var expected = NativeBacktest.RunBars(TestData.EurUsd, Timeframe.H1, NativeModel.OpenPrices, new SmaCross(), parameters(), options);

        var strategy = StrategyResolver.Create(Reference("WrappedSmaCross", prefix));
        var actual = NativeBacktest.RunBars(TestData.EurUsd, Timeframe.H1, NativeModel.OpenPrices, strategy, parameters(), options);

        // Loaded in its own context, yet its IStrategy is the host's type.
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(strategy.GetType().Assembly));
        Assert.True(expected.Report.TotalTrades > 10);
        Assert.Equal(expected.Deals, actual.Deals);
    }

    [Fact]
    public void Create_TwoRuns_GetFreshInstancesOfOneLoadedType()
    {
        var first = StrategyResolver.Create(Reference("WrappedSmaCross"));
        var second = StrategyResolver.Create(Reference("WrappedSmaCross"));
        Assert.NotSame(first, second);
        Assert.Same(first.GetType(), second.GetType());
    }

    [Fact]
    public void Create_MissingFile_SaysWhereItLooked()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", "Missing.dll");
        var e = Assert.Throws<ArgumentException>(() => StrategyResolver.Create(missing + ":My.Strategy"));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingType_ListsTheStrategiesThereAndSuggestsOne()
    {
        var e = Assert.Throws<ArgumentException>(() => StrategyResolver.Create(Reference("WrapedSmaCross")));
        Assert.Contains("is not in MtMcp.Strategies.PluginHost.dll", e.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean MtMcp.Strategies.PluginHost.WrappedSmaCross", e.Message, StringComparison.Ordinal);
        // The abstract class and the class that is no strategy are not offered.
        Assert.DoesNotContain("AbstractStrategy", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NotAStrategy", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NotAStrategy", "does not implement MtMcp.Backtesting.IStrategy")]
    [InlineData("AbstractStrategy", "must be a public, non-abstract, non-generic class")]
    [InlineData("NeedsArgument", "has no public parameterless constructor")]
    public void Create_UnusableType_SaysWhy(string type, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => StrategyResolver.Create(Reference(type)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains(Namespace + type, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ConstructorThrows_ReportsItsMessage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StrategyResolver.Create(Reference("ThrowingConstructor")));
        Assert.Contains("no licence key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FileThatIsNoAssembly_SaysSo()
    {
        using var temp = new TempDirectory();
        var fake = Path.Combine(temp.Path, "Fake.dll");
        File.WriteAllText(fake, "not a PE file");
        var e = Assert.Throws<ArgumentException>(() => StrategyResolver.Create(fake + ":My.Strategy"));
        Assert.Contains("is not a .NET assembly", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assembly:My.dll")]
    [InlineData("assembly::My.Type")]
    [InlineData("assembly:My.dll:")]
    public void Parse_Malformed_ShowsTheExpectedForm(string reference)
    {
        var e = Assert.Throws<ArgumentException>(() => StrategyAssembly.Parse(reference));
        Assert.Contains("PATH.dll:Namespace.Type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WindowsPath_SplitsAtTheLastColon()
    {
        Assert.Equal((@"C:\strategies\My.dll", "My.Breakout"), StrategyAssembly.Parse(@"assembly:C:\strategies\My.dll:My.Breakout"));
    }
}
