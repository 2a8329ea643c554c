using System.Text.Json;
using System.Text.RegularExpressions;

namespace MtMcp.Server.Tests;

/// <summary>tools/list: the names of the issue's table, annotations, titles, descriptions and schemas.</summary>
public sealed partial class ToolSurfaceTests
{
    // The table of issue 5, copied by hand: the public tool surface.
    private static readonly Dictionary<string, string[]> s_table = new()
    {
        ["market"] = ["list_symbols", "get_symbol", "get_quote", "get_bars", "get_ticks", "get_market_depth", "get_market_hours"],
        ["account"] = ["list_accounts", "get_account", "get_positions", "get_orders", "get_history"],
        ["trading"] = ["place_order", "check_order", "modify_order", "cancel_order", "modify_position", "close_position", "close_positions"],
        ["analysis"] = ["list_indicators", "calculate_indicator", "analyze_market", "detect_patterns", "scan_market", "correlation_matrix"],
        ["risk"] = ["get_risk_report", "calculate_position_size", "calculate_margin", "calculate_profit", "get_risk_limits", "set_risk_limits", "kill_switch"],
        ["strategy"] = ["list_strategies", "validate_strategy", "run_backtest", "optimize_strategy", "walk_forward", "start_strategy", "stop_strategy", "get_strategy_status"],
        ["reports"] = ["performance_report", "compliance_report", "get_audit_log", "verify_audit_log"],
        ["alerts"] = ["create_alert", "list_alerts", "delete_alert"],
    };

    [Fact]
    public async Task ListTools_AllToolsets_ExposesExactlyTheToolsOfTheIssueTable()
    {
        await using var server = await ServerHarness.StartAsync();
        var names = (await server.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(s_table.Values.SelectMany(n => n).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task ListTools_EveryTool_SetsAllFourAnnotationsATitleAndDescriptions()
    {
        await using var server = await ServerHarness.StartAsync();
        foreach (var tool in await server.ListToolsAsync())
        {
            var t = tool.ProtocolTool;
            Assert.True(t.Name.Length <= 64 && SnakeCase().IsMatch(t.Name), t.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Title), $"{t.Name}: no title");
            Assert.False(string.IsNullOrWhiteSpace(t.Description), $"{t.Name}: no description");
            Assert.NotNull(t.Annotations);
            Assert.NotNull(t.Annotations.ReadOnlyHint);
            Assert.NotNull(t.Annotations.DestructiveHint);
            Assert.NotNull(t.Annotations.IdempotentHint);
            Assert.NotNull(t.Annotations.OpenWorldHint);
            Assert.False(t.Annotations.OpenWorldHint, $"{t.Name}: no tool reaches the open world");
            // A read-only tool cannot be destructive.
            Assert.False(t.Annotations.ReadOnlyHint == true && t.Annotations.DestructiveHint == true, t.Name);
            if (t.InputSchema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    Assert.True(SnakeCase().IsMatch(property.Name), $"{t.Name}.{property.Name} is not snake_case");
                    Assert.True(property.Value.TryGetProperty("description", out var d) && d.GetString()!.Length > 0, $"{t.Name}.{property.Name}: no description");
                }
            }
        }
    }

    [Fact]
    public async Task ListTools_MarketAndAnalysisTools_HaveObjectOutputSchemasWithSnakeCaseProperties()
    {
        await using var server = await ServerHarness.StartAsync();
        var tools = (await server.ListToolsAsync()).ToDictionary(t => t.Name);
        foreach (var name in s_table["market"].Concat(s_table["account"]).Concat(s_table["trading"]).Concat(["list_indicators", "calculate_indicator", "detect_patterns", "analyze_market", "scan_market"]).Concat(s_table["alerts"]))
        {
            var schema = tools[name].ProtocolTool.OutputSchema;
            Assert.NotNull(schema);
            Assert.Equal("object", schema.Value.GetProperty("type").GetString());
            foreach (var property in schema.Value.GetProperty("properties").EnumerateObject())
            {
                Assert.True(SnakeCase().IsMatch(property.Name), $"{name} output {property.Name} is not snake_case");
            }
        }

        Assert.True(tools["get_bars"].ProtocolTool.OutputSchema!.Value.GetProperty("properties").TryGetProperty("next_from", out _));
    }

    [Fact]
    public async Task ListTools_ReadOnlyTools_MatchTheirAnnotations()
    {
        await using var server = await ServerHarness.StartAsync();
        var tools = (await server.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.Annotations!);
        foreach (var name in s_table["market"].Concat(s_table["account"]))
        {
            Assert.True(tools[name].ReadOnlyHint, name);
            Assert.True(tools[name].IdempotentHint, name);
        }

        foreach (var name in new[] { "place_order", "modify_order", "cancel_order", "modify_position", "close_position", "close_positions", "kill_switch" })
        {
            Assert.False(tools[name].ReadOnlyHint, name);
            Assert.True(tools[name].DestructiveHint, name);
        }
    }

    [Fact]
    public async Task ListTools_ReadOnlyMode_ExposesNoToolThatTrades()
    {
        await using var server = await ServerHarness.StartAsync(s => s with { Mode = ServerMode.ReadOnly });
        var names = (await server.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        foreach (var name in s_table["trading"].Concat(["start_strategy"]))
        {
            Assert.DoesNotContain(name, names);
        }

        Assert.Contains("get_positions", names);
        Assert.Contains("get_quote", names);
    }

    [Fact]
    public async Task ListTools_SomeToolsets_ExposesOnlyThoseToolsets()
    {
        await using var server = await ServerHarness.StartAsync(s => s with { Toolsets = Toolsets.Parse("analysis, MARKET") });
        var names = (await server.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(s_table["market"].Concat(s_table["analysis"]).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task GetQuote_MarketToolsetAlone_AnswersWithoutTheTradingServices()
    {
        // Without a trading toolset neither the paper venue nor the broker order path runs; market tools must not need them.
        await using var server = await ServerHarness.StartAsync(s => s with { Toolsets = Toolsets.Parse("market") });

        var quote = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" } })).GetProperty("quotes")[0];

        Assert.Equal("EURUSD", quote.GetProperty("symbol").GetString());
        Assert.True(quote.GetProperty("ask").GetDouble() > quote.GetProperty("bid").GetDouble());
    }

    [Fact]
    public async Task ListTools_TwoServers_ListTheSameToolsInTheSameOrder()
    {
        await using var first = await ServerHarness.StartAsync();
        await using var second = await ServerHarness.StartAsync();
        static string Surface(IEnumerable<ModelContextProtocol.Client.McpClientTool> tools) =>
            string.Join('\n', tools.Select(t => JsonSerializer.Serialize(t.ProtocolTool, ModelContextProtocol.McpJsonUtilities.DefaultOptions)));
        Assert.Equal(Surface(await first.ListToolsAsync()), Surface(await second.ListToolsAsync()));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
