using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>The read-only view of the live strategies: also served in read-only mode.</summary>
[McpServerToolType]
internal sealed class StrategyStatusTools(ToolRunner runner, LiveStrategies? strategies = null)
{
    [McpServerTool(Name = "get_strategy_status", Title = "Strategy status", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(LiveStrategyList))]
    [Description("State (running, stopped, failed with the error), open positions, floating and realized P/L (its deals by magic number) and "
        + "recent orders of one live strategy, or of every strategy started so far when id is omitted. For a broker account not reachable now, "
        + "account_unavailable says why and the positions and P/L show none.")]
    public ValueTask<CallToolResult> GetStrategyStatus(
        [Description("The strategy id; omit for all.")] string? id = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_strategy_status", async () =>
        {
            var service = await LiveStrategyMap.GetAsync(strategies, "get_strategy_status", cancellationToken).ConfigureAwait(false);
            var statuses = id is null ? service.List() : [LiveStrategyMap.Find(() => service.Status(id))];
            return new LiveStrategyList(statuses.Count, [.. statuses.Select(LiveStrategyMap.View)]);
        }, ServerJsonContext.Default.LiveStrategyList);
}
