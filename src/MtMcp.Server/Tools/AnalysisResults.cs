namespace MtMcp.Server.Tools;

// The JSON shapes of the analysis tools (snake_case on the wire).

/// <summary>A parameter of an indicator.</summary>
internal sealed record IndicatorParameterInfo(string Name, string Kind, double Default, double Min, double Max, string Description, IReadOnlyList<string> Aliases);

/// <summary>An output of an indicator.</summary>
internal sealed record IndicatorOutputInfo(string Name, string Description, bool Integer);

/// <summary>One indicator of <c>list_indicators</c>.</summary>
internal sealed record IndicatorSummary(
    string Name, string Title, string Group, bool TaLib, IReadOnlyList<string> Inputs,
    IReadOnlyList<IndicatorParameterInfo> Parameters, IReadOnlyList<IndicatorOutputInfo> Outputs, int Lookback);

/// <summary>The answer of <c>list_indicators</c>.</summary>
internal sealed record IndicatorList(int Count, IReadOnlyList<IndicatorSummary> Indicators);

/// <summary>One row of <c>calculate_indicator</c>: the bar's open time and one value per output (null in the warm-up).</summary>
internal sealed record IndicatorRow(string Time, IReadOnlyList<double?> Values);

/// <summary>The answer of <c>calculate_indicator</c>.</summary>
internal sealed record IndicatorValues(
    string Name, string Symbol, string Timeframe, string Source, string Parameters, IReadOnlyList<string> Outputs,
    int BarsUsed, int Count, IReadOnlyList<IndicatorRow> Rows);

/// <summary>One candlestick pattern found on one bar.</summary>
internal sealed record PatternHit(string Time, string Name, string Title, int Signal, string Direction);

/// <summary>The answer of <c>detect_patterns</c>.</summary>
internal sealed record PatternScan(string Symbol, string Timeframe, string Source, int BarsScanned, int Count, IReadOnlyList<PatternHit> Patterns);
