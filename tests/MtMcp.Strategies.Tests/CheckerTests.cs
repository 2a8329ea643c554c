namespace MtMcp.Strategies.Tests;

/// <summary>Positioned errors of <see cref="StrategyDocument.TryParse"/>: line and column in the JSON text, with hints.</summary>
public class CheckerTests
{
    private static StrategyDiagnostic SingleError(string json)
    {
        Assert.False(StrategyDocument.TryParse(json, out var document, out var diagnostics));
        Assert.Null(document);
        return Assert.Single(diagnostics);
    }

    [Fact]
    public void TryParse_UnknownSeriesName_PointsAtTheNameWithDidYouMean()
    {
        // Line 3: `  "long_entry": "clsoe > 1",` — the string opens at column 17, so 'clsoe' starts at column 18.
        var error = SingleError(TestData.Document("  \"long_entry\": \"clsoe > 1\""));

        Assert.Equal("long_entry", error.Field);
        Assert.Equal((3, 18), (error.Line, error.Column));
        Assert.Contains("clsoe", error.Message, StringComparison.Ordinal);
        Assert.Equal("Did you mean close?", error.Hint);
    }

    [Fact]
    public void TryParse_UnknownIndicator_SuggestsCloseNames()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"close > smaa(close, 5)\""));

        Assert.Equal((3, 26), (error.Line, error.Column));
        Assert.Contains("sma", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownIndicatorParameter_ListsAllowedParametersAndRanges()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"close > bbands(close, perod=20).real_upper_band\""));

        Assert.Equal((3, 40), (error.Line, error.Column));
        Assert.Contains("no parameter 'perod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean period?", error.Hint, StringComparison.Ordinal);
        Assert.Contains("nb_dev_up", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_IndicatorParameterOutOfRange_GivesTheAllowedRangeFromMetadata()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"close > sma(close, 1)\""));

        Assert.Equal((3, 37), (error.Line, error.Column));
        Assert.Contains("time_period = 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 2 to 100000", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ParameterRangeWiderThanIndicatorAllows_IsRejected()
    {
        var error = SingleError(TestData.Document(
            "  \"parameters\": { \"n\": { \"default\": 10, \"min\": 1, \"max\": 50 } },\n  \"long_entry\": \"close > sma(close, n)\""));

        Assert.Equal((4, 37), (error.Line, error.Column));
        Assert.Contains("ranges from 1 to 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WrongArity_NamesTheSignature()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"crossover(close)\""));

        Assert.Contains("2 positional arguments", error.Message, StringComparison.Ordinal);
        Assert.Contains("crossover(a, b)", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NumberWhereConditionIsNeeded_IsATypeError()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"sma(close, 10)\""));

        Assert.Contains("must be a condition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ConditionInArithmetic_IsATypeError()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"(close > open) + 1 > 0\""));

        Assert.Equal((3, 19), (error.Line, error.Column));
        Assert.Contains("needs a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownOutput_ListsOutputs()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"macd(close).signal > 0\""));

        Assert.Equal((3, 30), (error.Line, error.Column));
        Assert.Contains("macd_signal", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownDocumentKey_PointsAtTheKeyWithDidYouMean()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"close > open\",\n  \"long_exitt\": \"close < open\""));

        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Equal("Did you mean long_exit?", error.Hint);
    }

    [Fact]
    public void TryParse_InvalidJson_ReportsLineAndColumn()
    {
        var error = SingleError("{\n  \"name\": \"t\"\n  \"long_entry\": \"close > open\"\n}");

        Assert.Equal(3, error.Line);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TimeframeReferenceWithoutStrategyTimeframe_AsksForOne()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"close > h4:close\""));

        Assert.Contains("timeframe", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ShorterTimeframeThanTheStrategys_IsRejected()
    {
        var error = SingleError(TestData.Document("  \"timeframe\": \"H1\",\n  \"long_entry\": \"close > m15:close\""));

        Assert.Contains("shorter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RiskSizingWithoutStop_IsRejected()
    {
        var error = SingleError(TestData.Document("  \"long_entry\": \"close > open\",\n  \"size\": { \"mode\": \"risk_pct\", \"value\": 1 }"));

        Assert.Equal("size.mode", error.Field);
        Assert.Equal((4, 21), (error.Line, error.Column));
    }

    [Fact]
    public void TryParse_ErrorsInSeveralRules_ReportsEachInDocumentOrder()
    {
        Assert.False(StrategyDocument.TryParse(
            TestData.Document("  \"long_entry\": \"close >\",\n  \"short_entry\": \"foo < 1\""), out _, out var diagnostics));

        Assert.Equal([3, 4], diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void TryParse_CommentsTrailingCommasAndEscapes_AreAcceptedAndPositionsStayRight()
    {
        var json = "{\n  // a comment\n  \"name\": \"t\",\n  \"long_entry\": \"\\u0063lose > open and clsoe > 1\",\n}";

        Assert.False(StrategyDocument.TryParse(json, out _, out var diagnostics));

        var error = Assert.Single(diagnostics);
        // The escape \u0063 is one character ('c') but six in the text: the column counts the text.
        Assert.Equal((4, 40), (error.Line, error.Column));
    }

    [Fact]
    public void TryParse_ValidDocument_ExposesMetadataAndParameters()
    {
        Assert.True(StrategyDocument.TryParse(TestData.Document(
            "  \"timeframe\": \"h1\",\n  \"symbol\": \"EURUSD\",\n  \"parameters\": { \"n\": { \"default\": 10, \"min\": 5, \"max\": 20, \"step\": 5 } },\n"
            + "  \"long_entry\": \"close > sma(close, n) and h4:close > d1:sma(close, 3)\""), out var document, out var diagnostics), string.Join("; ", diagnostics));

        Assert.Equal(Timeframe.H1, document.Timeframe);
        Assert.Equal(["EURUSD"], document.Symbols);
        Assert.Equal(new StrategyParameterSpec("n", 10, 5, 20, 5, null), Assert.Single(document.Parameters));
    }
}
