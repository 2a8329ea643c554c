namespace MtMcp.Backtesting.Tests.Optimization;

public sealed class StatisticsExpressionTests
{
    private static readonly StatisticNames s_names = new(["net_profit", "return_pct", "duration_days", "trades", "max_drawdown_pct", "profit_factor"]);
    private static readonly PassStatistics s_stats = new(s_names, [1500, 15, 365, 40, -12.5, double.NaN]);

    [Theory]
    [InlineData("net_profit", 1500)]
    [InlineData("net_profit / trades", 37.5)]
    [InlineData("-max_drawdown_pct * 2 + 1", 26)]
    [InlineData("abs(max_drawdown_pct)", 12.5)]
    [InlineData("net_profit / (1 + abs(max_drawdown_pct))", 1500 / 13.5)]
    [InlineData("max(trades, 50) - min(1, 2)", 49)]
    [InlineData("sqrt(trades) * log(1)", 0)]
    [InlineData("2 * 3 + 4 * 5", 26)]
    [InlineData("1e3 + 2.5E-1", 1000.25)]
    [InlineData("trades >= 40", 1)]
    [InlineData("trades > 40", 0)]
    [InlineData("trades > 30 and return_pct > 10", 1)]
    [InlineData("trades > 50 or not return_pct < 10", 1)]
    [InlineData("profit_factor > 1", 0)]
    [InlineData("not profit_factor > 1", 1)]
    [InlineData("trades == 40 and net_profit != 0", 1)]
    public void Evaluate_Expression_MatchesHandComputation(string text, double expected) =>
        Assert.Equal(expected, StatisticsExpression.Parse(text, s_names).Evaluate(s_stats), 12);

    [Fact]
    public void Evaluate_NaNStatistic_PropagatesThroughArithmetic() =>
        Assert.True(double.IsNaN(StatisticsExpression.Parse("profit_factor * 2", s_names).Evaluate(s_stats)));

    [Theory]
    [InlineData("sharpe", 1, "unknown statistic 'sharpe'")]
    [InlineData("net_profit +", 13, "expected a number")]
    [InlineData("(net_profit", 12, "expected ')'")]
    [InlineData("net_profit $ 2", 12, "unexpected '$'")]
    [InlineData("pow(net_profit)", 1, "unknown function 'pow'")]
    [InlineData("min(net_profit)", 1, "min takes 2 arguments")]
    public void Parse_Invalid_ThrowsWithColumn(string text, int column, string message)
    {
        var error = Assert.Throws<FormatException>(() => StatisticsExpression.Parse(text, s_names));

        Assert.Contains($"column {column}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
