namespace MtMcp.Strategies.Tests;

public class ParserTests
{
    [Fact]
    public void Parse_Precedence_MultiplicationBindsTighterThanComparisonAndAnd()
    {
        var expr = Parser.Parse("a + b * 2 > c and not d");

        var and = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal(TokenKind.And, and.Operator);
        var compare = Assert.IsType<BinaryExpr>(and.Left);
        Assert.Equal(TokenKind.Greater, compare.Operator);
        var sum = Assert.IsType<BinaryExpr>(compare.Left);
        Assert.Equal(TokenKind.Plus, sum.Operator);
        Assert.Equal(TokenKind.Star, Assert.IsType<BinaryExpr>(sum.Right).Operator);
        Assert.Equal(TokenKind.Not, Assert.IsType<UnaryExpr>(and.Right).Operator);
    }

    [Fact]
    public void Parse_CallWithNamedArgumentsSelectorAndLookBack_BuildsPostfixChain()
    {
        var expr = Parser.Parse("bbands(close, period=20).real_upper_band[1]");

        var index = Assert.IsType<IndexExpr>(expr);
        Assert.Equal(1, Assert.IsType<NumberExpr>(index.Ago).Value);
        var member = Assert.IsType<MemberExpr>(index.Target);
        Assert.Equal("real_upper_band", member.Member);
        var call = Assert.IsType<CallExpr>(member.Target);
        Assert.Equal("bbands", call.Name);
        Assert.Null(call.Arguments[0].Name);
        Assert.Equal("period", call.Arguments[1].Name);
    }

    [Fact]
    public void Parse_TimeframePrefix_AppliesToThePostfixOperand()
    {
        var expr = Parser.Parse("sma(d1:close, 50) > h4:close[2]");

        var compare = Assert.IsType<BinaryExpr>(expr);
        var call = Assert.IsType<CallExpr>(compare.Left);
        Assert.Equal("d1", Assert.IsType<TimeframeExpr>(call.Arguments[0].Value).Timeframe);
        var h4 = Assert.IsType<TimeframeExpr>(compare.Right);
        Assert.IsType<IndexExpr>(h4.Operand);
    }

    [Theory]
    [InlineData("close > ", 8)]
    [InlineData("sma(close, 20", 13)]
    [InlineData("close # 2", 6)]
    [InlineData("1 < 2 < 3", 6)]
    [InlineData("(close", 6)]
    [InlineData("close[1", 7)]
    public void Parse_SyntaxError_ReportsOffset(string text, int offset)
    {
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse(text));

        Assert.Equal(offset, error.Start);
    }

    [Fact]
    public void Parse_HostileNesting_FailsWithPositionInsteadOfStackOverflow()
    {
        var text = new string('(', 5000) + "1" + new string(')', 5000);

        var error = Assert.Throws<ExpressionException>(() => Parser.Parse(text));

        Assert.Contains("nests deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_ScientificNumbersAndTwoCharOperators_AreSingleTokens()
    {
        var tokens = Tokenizer.Tokenize("1.5e-3 <= x && y != 2");

        Assert.Equal(
            [TokenKind.Number, TokenKind.LessEqual, TokenKind.Identifier, TokenKind.And, TokenKind.Identifier, TokenKind.NotEqual, TokenKind.Number, TokenKind.End],
            tokens.Select(t => t.Kind));
        Assert.Equal(0.0015, tokens[0].Number);
    }
}
