using System.Text.Json;

namespace MtMcp.Server.Tests;

/// <summary>start_strategy, stop_strategy and get_strategy_status end to end on the demo feed (fake clock).</summary>
public sealed class LiveStrategyToolsTests
{
    // Enters long on the first bar it sees and holds: enough to see the whole order path.
    private const string AlwaysLong = """
        { "name": "always_long", "long_entry": "close > 0" }
        """;

    [Fact]
    public async Task StartStrategy_OnTheDemoFeed_TradesThroughTheVenue_StatusMatchesTheHistory_StopFlattens()
    {
        await using var server = await ServerHarness.StartAsync();
        var started = await server.CallOkAsync("start_strategy", new()
        {
            ["document"] = AlwaysLong, ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["lots"] = 0.2,
        });
        var id = started.GetProperty("id").GetString()!;
        var magic = started.GetProperty("magic").GetUInt64();
        Assert.Equal(("running", "demo", "M1"), (started.GetProperty("state").GetString(), started.GetProperty("account").GetString(), started.GetProperty("timeframe").GetString()));

        // The demo feed and the strategy run on the server's fake clock: a bar closes every simulated minute.
        JsonElement status = default;
        for (var i = 0; i < 300; i++)
        {
            server.Time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(10, TestContext.Current.CancellationToken);
            status = (await server.CallOkAsync("get_strategy_status", new() { ["id"] = id })).GetProperty("strategies")[0];
            if (status.GetProperty("open_positions").GetInt32() > 0)
            {
                break;
            }
        }

        var position = Assert.Single(status.GetProperty("positions").EnumerateArray());
        Assert.Equal((magic, "buy", 0.2m), (position.GetProperty("magic").GetUInt64(), position.GetProperty("side").GetString(), position.GetProperty("volume").GetDecimal()));
        var signal = Assert.Single(status.GetProperty("recent_signals").EnumerateArray());
        Assert.Equal(("buy", "TRADE_RETCODE_DONE"), (signal.GetProperty("action").GetString(), signal.GetProperty("retcode_name").GetString()));
        // The strategy's own positions are the account's positions with its magic number.
        var listed = (await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray();
        Assert.Equal(position.GetProperty("ticket").GetUInt64(), Assert.Single(listed, p => p.GetProperty("magic").GetUInt64() == magic).GetProperty("ticket").GetUInt64());

        var stopped = await server.CallOkAsync("stop_strategy", new() { ["id"] = id, ["flatten"] = true });
        Assert.Equal(("stopped", 0), (stopped.GetProperty("state").GetString(), stopped.GetProperty("open_positions").GetInt32()));
        // Realized P/L is the sum of the strategy's deals as get_history reports them.
        var history = await server.CallOkAsync("get_history", new() { ["magic"] = (long)magic });
        var deals = history.GetProperty("deals").EnumerateArray().ToList();
        Assert.Equal(2, deals.Count);
        Assert.Equal(deals.Sum(d => d.GetProperty("profit").GetDecimal() + d.GetProperty("commission").GetDecimal() + d.GetProperty("swap").GetDecimal()),
            stopped.GetProperty("realized_profit").GetDecimal());
        Assert.Equal(2, stopped.GetProperty("deals").GetInt32());
    }

    [Fact]
    public async Task StartStrategy_BadArguments_AreInvalidArgumentErrorsNamingTheProblem()
    {
        await using var server = await ServerHarness.StartAsync();
        var unknown = await server.CallErrorAsync("start_strategy", new() { ["strategy"] = "builtin:sma_cros", ["symbol"] = "EURUSD" });
        Assert.Equal("INVALID_ARGUMENT", unknown.GetProperty("error_code").GetString());
        Assert.Contains("sma_cross", unknown.GetProperty("message").GetString(), StringComparison.Ordinal);

        var parameter = await server.CallErrorAsync("start_strategy", new()
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "EURUSD", ["parameters"] = new Dictionary<string, double> { ["fats"] = 3 },
        });
        Assert.Contains("fats", parameter.GetProperty("message").GetString(), StringComparison.Ordinal);

        var account = await server.CallErrorAsync("start_strategy", new() { ["strategy"] = "builtin:sma_cross", ["symbol"] = "EURUSD", ["account"] = "nope" });
        Assert.Equal("UNKNOWN_ACCOUNT", account.GetProperty("error_code").GetString());

        var id = await server.CallErrorAsync("stop_strategy", new() { ["id"] = "nope-1" });
        Assert.Equal("INVALID_ARGUMENT", id.GetProperty("error_code").GetString());
        Assert.Equal(0, (await server.CallOkAsync("get_strategy_status")).GetProperty("count").GetInt32());
    }
}
