namespace MtMcp.Domain.Tests;

public sealed class SymbolSpecTests
{
    private static readonly SymbolSpec s_eurusd = SymbolCatalog.BuiltIn.Get("EURUSD");

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.1, true)]
    [InlineData(100, true)]
    [InlineData(0.015, false)]
    [InlineData(0.001, false)]
    [InlineData(100.01, false)]
    [InlineData(0, false)]
    public void IsValidVolume_FollowsMinMaxAndStep(double lots, bool valid) =>
        Assert.Equal(valid, s_eurusd.IsValidVolume((decimal)lots));

    [Theory]
    [InlineData(0.0149, 0.01)]
    [InlineData(0.005, 0)]
    [InlineData(250, 100)]
    public void FloorVolume_RoundsDownToTheGrid(double lots, double expected) =>
        Assert.Equal((decimal)expected, s_eurusd.FloorVolume((decimal)lots));

    [Fact]
    public void NormalizePrice_RoundsToTheTickGrid()
    {
        Assert.Equal(1.10001, s_eurusd.NormalizePrice(1.100006));
        Assert.Equal(110_001L, s_eurusd.ToTicks(1.10001));
        Assert.Equal("1.10001", s_eurusd.FormatPrice(1.100006));

        var quarter = s_eurusd with { Name = "ES", Digits = 2, TickSize = 0.25 };
        Assert.Equal(5000.25, quarter.NormalizePrice(5000.3));
    }

    [Fact]
    public void PipSize_IsTenPointsForFractionalQuotes()
    {
        Assert.Equal(0.0001, s_eurusd.PipSize, 15);
        Assert.Equal(0.01, SymbolCatalog.BuiltIn.Get("USDJPY").PipSize, 15);
        Assert.Equal(0.01, SymbolCatalog.BuiltIn.Get("XAUUSD").PipSize, 15);
    }

    [Fact]
    public void Validate_ReportsEveryProblem()
    {
        var broken = s_eurusd with { Digits = 12, ContractSize = 0, VolumeMax = 0.001m, CurrencyProfit = "usd" };
        var problems = broken.Validate();

        Assert.Equal(4, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("EURUSD:", p, StringComparison.Ordinal));
    }
}
