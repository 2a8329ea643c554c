namespace MtMcp.Reports;

/// <summary>
/// The figures of a performance report, rendered by <see cref="HtmlReportWriter"/> (a self-contained page with SVG charts)
/// and <see cref="JsonReportWriter"/> (the same figures as JSON). Build one with <see cref="PerformanceReports"/>.
/// </summary>
public sealed record PerformanceReport
{
    /// <summary>What the report describes.</summary>
    public required ReportKind Kind { get; init; }

    /// <summary>Heading, e.g. the strategy or the account name (any text: writers escape it).</summary>
    public required string Title { get; init; }

    /// <summary>One line under the heading: symbol, timeframe, period, parameters.</summary>
    public string Subtitle { get; init; } = "";

    /// <summary>Account currency of the money figures; null when unknown (backtesting.py mode has none).</summary>
    public string? Currency { get; init; }

    /// <summary>How figures were obtained, where a reader could assume otherwise (e.g. equity rebuilt from deals).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Headline figures in display order.</summary>
    public IReadOnlyList<ReportFigure> Summary { get; init; } = [];

    /// <summary>Equity, balance and drawdown over time.</summary>
    public EquityCurve Curve { get; init; } = EquityCurve.Empty;

    /// <summary>Calendar-month returns (UTC) of the return series, in time order.</summary>
    public IReadOnlyList<PeriodReturn> MonthlyReturns { get; init; } = [];

    /// <summary>Calendar-year returns (UTC), in time order.</summary>
    public IReadOnlyList<PeriodReturn> YearlyReturns { get; init; } = [];

    /// <summary>Distribution of the closed trades' returns.</summary>
    public TradeHistogram Histogram { get; init; } = TradeHistogram.Empty;

    /// <summary>Trades in closing order; open ones last.</summary>
    public IReadOnlyList<ReportTrade> Trades { get; init; } = [];

    /// <summary>The prices the trades are marked on; null when no bars are known (accounts: the deal prices are drawn alone).</summary>
    public PriceSeries? Prices { get; init; }

    /// <summary>A table of results (optimisation passes); null for other reports.</summary>
    public ReportTable? Table { get; init; }
}
