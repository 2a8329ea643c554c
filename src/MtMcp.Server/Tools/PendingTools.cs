using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MtMcp.Server.Tools;

// Tools whose features arrive with later issues. They are registered now, with their final names and annotations,
// so the tool surface is complete and stable; until their issue lands each answers NOT_AVAILABLE and changes nothing.

/// <summary>The analysis tools that arrive later.</summary>
[McpServerToolType]
internal sealed class PendingAnalysisTools(ToolRunner runner)
{
    [McpServerTool(Name = "analyze_market", Title = "Analyze a market", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Multi-timeframe summary of a symbol: trend, momentum, volatility, key levels and candlestick patterns. Not available yet: arrives with issue 5.")]
    public CallToolResult AnalyzeMarket() => runner.NotAvailable("analyze_market", 5);

    [McpServerTool(Name = "scan_market", Title = "Scan the market", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Evaluates a strategy-language condition over many symbols and lists those where it holds. Not available yet: arrives with issue 8.")]
    public CallToolResult ScanMarket() => runner.NotAvailable("scan_market", 8);

    [McpServerTool(Name = "correlation_matrix", Title = "Correlation matrix", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Correlations of bar returns between symbols. Not available yet: arrives with issue 6.")]
    public CallToolResult CorrelationMatrix() => runner.NotAvailable("correlation_matrix", 6);
}

/// <summary>The <c>risk</c> toolset.</summary>
[McpServerToolType]
internal sealed class RiskTools(ToolRunner runner)
{
    private const int Issue = 6;

    [McpServerTool(Name = "get_risk_report", Title = "Risk report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Exposure by currency and asset class, VaR and expected shortfall, margin use, drawdown, daily loss and limit status. Not available yet: arrives with issue 6.")]
    public CallToolResult GetRiskReport() => runner.NotAvailable("get_risk_report", Issue);

    [McpServerTool(Name = "calculate_position_size", Title = "Position size", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lots to risk a given share of equity with a given stop loss. Not available yet: arrives with issue 6.")]
    public CallToolResult CalculatePositionSize() => runner.NotAvailable("calculate_position_size", Issue);

    [McpServerTool(Name = "calculate_margin", Title = "Margin", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Margin an order would need, by MetaTrader's formulas. Not available yet: arrives with issue 6.")]
    public CallToolResult CalculateMargin() => runner.NotAvailable("calculate_margin", Issue);

    [McpServerTool(Name = "calculate_profit", Title = "Profit", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Profit of a trade between two prices, in the account currency. Not available yet: arrives with issue 6.")]
    public CallToolResult CalculateProfit() => runner.NotAvailable("calculate_profit", Issue);

    [McpServerTool(Name = "get_risk_limits", Title = "Risk limits", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The configured risk limits and how close the account is to each. Not available yet: arrives with issue 6.")]
    public CallToolResult GetRiskLimits() => runner.NotAvailable("get_risk_limits", Issue);

    [McpServerTool(Name = "set_risk_limits", Title = "Set risk limits", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Changes risk limits (admin). Not available yet: arrives with issue 6.")]
    public CallToolResult SetRiskLimits() => runner.NotAvailable("set_risk_limits", Issue);

    [McpServerTool(Name = "kill_switch", Title = "Kill switch", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Engages or releases the kill switch (admin): cancels pending orders and blocks new ones. Not available yet: arrives with issue 6.")]
    public CallToolResult KillSwitch() => runner.NotAvailable("kill_switch", Issue);
}

/// <summary>The research half of the <c>strategy</c> toolset.</summary>
[McpServerToolType]
internal sealed class StrategyTools(ToolRunner runner)
{
    private const int Issue = 8;

    [McpServerTool(Name = "list_strategies", Title = "List strategies", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists the built-in and saved strategies. Not available yet: arrives with issue 8.")]
    public CallToolResult ListStrategies() => runner.NotAvailable("list_strategies", Issue);

    [McpServerTool(Name = "validate_strategy", Title = "Validate a strategy", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Checks a strategy-language text and reports errors with line and column. Not available yet: arrives with issue 8.")]
    public CallToolResult ValidateStrategy() => runner.NotAvailable("validate_strategy", Issue);

    [McpServerTool(Name = "run_backtest", Title = "Run a backtest", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Backtests a strategy on history and returns its statistics. Not available yet: arrives with issue 8.")]
    public CallToolResult RunBacktest() => runner.NotAvailable("run_backtest", Issue);

    [McpServerTool(Name = "optimize_strategy", Title = "Optimize a strategy", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Searches a strategy's parameter ranges for the best value of a criterion. Not available yet: arrives with issue 8.")]
    public CallToolResult OptimizeStrategy() => runner.NotAvailable("optimize_strategy", Issue);

    [McpServerTool(Name = "walk_forward", Title = "Walk-forward test", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Walk-forward analysis of a strategy over rolling or anchored windows. Not available yet: arrives with issue 8.")]
    public CallToolResult WalkForward() => runner.NotAvailable("walk_forward", Issue);

    [McpServerTool(Name = "get_strategy_status", Title = "Strategy status", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("State, positions, P/L and recent signals of a running strategy. Not available yet: arrives with issue 8.")]
    public CallToolResult GetStrategyStatus() => runner.NotAvailable("get_strategy_status", Issue);
}

/// <summary>The live half of the <c>strategy</c> toolset: it trades, so read-only mode leaves it out.</summary>
[McpServerToolType]
internal sealed class StrategyExecutionTools(ToolRunner runner)
{
    private const int Issue = 8;

    [McpServerTool(Name = "start_strategy", Title = "Start a strategy", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false)]
    [Description("Runs a strategy on an account on the live feed, through the same order path and risk gate as every order. Not available yet: arrives with issue 8.")]
    public CallToolResult StartStrategy() => runner.NotAvailable("start_strategy", Issue);

    [McpServerTool(Name = "stop_strategy", Title = "Stop a strategy", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Stops a running strategy, optionally closing its positions. Not available yet: arrives with issue 8.")]
    public CallToolResult StopStrategy() => runner.NotAvailable("stop_strategy", Issue);
}

/// <summary>The <c>reports</c> toolset.</summary>
[McpServerToolType]
internal sealed class ReportTools(ToolRunner runner)
{
    [McpServerTool(Name = "performance_report", Title = "Performance report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Performance statistics and charts of a backtest or an account over a period. Not available yet: arrives with issue 8.")]
    public CallToolResult PerformanceReport() => runner.NotAvailable("performance_report", 8);

    [McpServerTool(Name = "compliance_report", Title = "Compliance report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Transactions, limit breaches, leverage use and kill-switch events for a period. Not available yet: arrives with issue 6.")]
    public CallToolResult ComplianceReport() => runner.NotAvailable("compliance_report", 6);

    [McpServerTool(Name = "get_audit_log", Title = "Audit log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Records of the tamper-evident audit trail in a time range. Not available yet: arrives with issue 6.")]
    public CallToolResult GetAuditLog() => runner.NotAvailable("get_audit_log", 6);

    [McpServerTool(Name = "verify_audit_log", Title = "Verify the audit log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Verifies the audit trail's hash chain and names the first bad record, if any. Not available yet: arrives with issue 6.")]
    public CallToolResult VerifyAuditLog() => runner.NotAvailable("verify_audit_log", 6);
}

/// <summary>The <c>alerts</c> toolset.</summary>
[McpServerToolType]
internal sealed class AlertTools(ToolRunner runner)
{
    private const int Issue = 8;

    [McpServerTool(Name = "create_alert", Title = "Create an alert", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Creates a price or strategy-language condition alert, delivered as a resource update. Not available yet: arrives with issue 8.")]
    public CallToolResult CreateAlert() => runner.NotAvailable("create_alert", Issue);

    [McpServerTool(Name = "list_alerts", Title = "List alerts", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists the alerts and when each last fired. Not available yet: arrives with issue 8.")]
    public CallToolResult ListAlerts() => runner.NotAvailable("list_alerts", Issue);

    [McpServerTool(Name = "delete_alert", Title = "Delete an alert", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Deletes an alert. Not available yet: arrives with issue 8.")]
    public CallToolResult DeleteAlert() => runner.NotAvailable("delete_alert", Issue);
}
