using MtMcp.Server.Tools;

namespace MtMcp.Server.Analysis;

// The JSON shapes of analyze_market (snake_case on the wire). Every label is defined in docs/mcp-server.md ("analyze_market");
// a value is null where the bars are too few for its indicator.

/// <summary>The trend of one timeframe.</summary>
internal sealed record TrendView(
    string Direction, double? Sma50, double? Sma200, double? Sma50SlopePct, double? Adx, string? Strength, double? Supertrend, string? SupertrendSide);

/// <summary>The momentum of one timeframe.</summary>
internal sealed record MomentumView(
    string Bias, double? Rsi, string? RsiState, double? MacdHistogram, string? MacdCross, double? StochK, double? StochD, string? StochState);

/// <summary>The volatility of one timeframe.</summary>
internal sealed record VolatilityView(double? Atr, double? AtrPct, double? BollingerWidthPct, double? BollingerWidthPercentile, string? Regime);

/// <summary>Key price levels of one timeframe.</summary>
internal sealed record LevelsView(
    double? Pivot, double? R1, double? R2, double? R3, double? S1, double? S2, double? S3,
    double? SwingResistance, double? SwingSupport, double? DonchianHigh, double? DonchianLow);

/// <summary>The analysis of one timeframe, as of its newest bar (which may still be forming).</summary>
internal sealed record TimeframeAnalysis(
    string Timeframe, string Source, int Bars, string Time, double Close,
    TrendView Trend, MomentumView Momentum, VolatilityView Volatility, LevelsView Levels, IReadOnlyList<PatternHit> Patterns);

/// <summary>The answer of <c>analyze_market</c>.</summary>
internal sealed record MarketAnalysis(string Symbol, IReadOnlyList<TimeframeAnalysis> Timeframes);

/// <summary>The value of one series a scan condition reads, on the bar it was evaluated on (null while undefined).</summary>
internal sealed record SeriesValue(string Series, double? Value);

/// <summary>A symbol whose latest closed bar meets the scan condition.</summary>
internal sealed record ScanMatch(string Symbol, string Time, double Close, IReadOnlyList<SeriesValue> Values);

/// <summary>A symbol the scan could not evaluate, and why.</summary>
internal sealed record ScanSkip(string Symbol, string Reason);

/// <summary>The answer of <c>scan_market</c>.</summary>
internal sealed record MarketScan(string Condition, string Timeframe, int Scanned, int Count, IReadOnlyList<ScanMatch> Matches, IReadOnlyList<ScanSkip> Skipped);
