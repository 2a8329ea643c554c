namespace MtMcp.Reports;

/// <summary>What a performance report describes.</summary>
public enum ReportKind
{
    /// <summary>One backtest run.</summary>
    Backtest,

    /// <summary>A paper (or live) account over a period, rebuilt from its deals.</summary>
    Account,

    /// <summary>An optimisation: its table of parameter sets and results.</summary>
    Optimization,
}
