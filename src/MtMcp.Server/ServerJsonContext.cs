using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;
using MtMcp.Server.Tools;

namespace MtMcp.Server;

/// <summary>
/// Source-generated JSON for every tool argument and answer: snake_case names, enums as strings, nulls written
/// (so every property the output schema lists is present).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ToolError))]
[JsonSerializable(typeof(SymbolList))]
[JsonSerializable(typeof(SymbolDetails))]
[JsonSerializable(typeof(QuoteList))]
[JsonSerializable(typeof(BarsPage))]
[JsonSerializable(typeof(TicksPage))]
[JsonSerializable(typeof(MarketDepth))]
[JsonSerializable(typeof(MarketHours))]
[JsonSerializable(typeof(IndicatorList))]
[JsonSerializable(typeof(IndicatorValues))]
[JsonSerializable(typeof(PatternScan))]
[JsonSerializable(typeof(MtMcp.Server.Analysis.MarketAnalysis))]
[JsonSerializable(typeof(MtMcp.Server.Analysis.MarketScan))]
[JsonSerializable(typeof(MtMcp.Server.Alerts.AlertFile))]
[JsonSerializable(typeof(MtMcp.Server.Alerts.AlertList))]
[JsonSerializable(typeof(MtMcp.Server.Alerts.AlertRecord))]
[JsonSerializable(typeof(MtMcp.Server.Alerts.AlertDeletion))]
[JsonSerializable(typeof(MtMcp.Server.Alerts.AlertEvent))]
[JsonSerializable(typeof(AccountList))]
[JsonSerializable(typeof(AccountDetails))]
[JsonSerializable(typeof(PositionList))]
[JsonSerializable(typeof(OrderList))]
[JsonSerializable(typeof(HistoryPage))]
[JsonSerializable(typeof(TradeAnswer))]
[JsonSerializable(typeof(OrderCheck))]
[JsonSerializable(typeof(BulkClose))]
[JsonSerializable(typeof(PositionSize))]
[JsonSerializable(typeof(MarginCalculation))]
[JsonSerializable(typeof(ProfitCalculation))]
[JsonSerializable(typeof(RiskLimitsAnswer))]
[JsonSerializable(typeof(RiskReportAnswer))]
[JsonSerializable(typeof(KillSwitchAnswer))]
[JsonSerializable(typeof(CorrelationAnswer))]
[JsonSerializable(typeof(AuditLogPage))]
[JsonSerializable(typeof(AuditVerificationView))]
[JsonSerializable(typeof(ComplianceAnswer))]
[JsonSerializable(typeof(PerformanceReportAnswer))]
[JsonSerializable(typeof(StrategyList))]
[JsonSerializable(typeof(StrategyValidation))]
[JsonSerializable(typeof(LiveStrategyView))]
[JsonSerializable(typeof(LiveStrategyList))]
[JsonSerializable(typeof(BacktestAnswer))]
[JsonSerializable(typeof(OptimizationAnswer))]
[JsonSerializable(typeof(WalkForwardAnswer))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(MtMcp.Server.Http.QuoteMessage))]
[JsonSerializable(typeof(MtMcp.Server.Http.AccountMessage))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

/// <summary>The serializer options the tools are registered with.</summary>
internal static class ToolJson
{
    /// <summary>
    /// The SDK's options with <see cref="ServerJsonContext"/> first in the resolver chain (mcp.md §10): tool parameters
    /// and results resolve there, protocol types in the SDK's own context.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        // The naming policy must be set here too: the output schemas are built with these options, not the context's.
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        options.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        options.MakeReadOnly();
        return options;
    }
}
