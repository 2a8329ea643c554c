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
