using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ModelContextProtocol.Client;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>create_alert, list_alerts, delete_alert end to end: firings on the live feed, resource updates, webhooks, restarts.</summary>
public sealed class AlertToolsTests
{
    // The alert service and the quote stream run on the server's fake clock: advance it a step at a time.
    private static async Task AdvanceUntilAsync(ServerHarness server, Func<bool> done, TimeSpan step, int rounds = 200)
    {
        for (var i = 0; i < rounds && !done(); i++)
        {
            server.Time.Advance(step);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task CreateAlert_ConditionOnM1_FiresOnTheNextBarWithResourceUpdateAndWebhook()
    {
        using var hook = new LoopbackHook();
        await using var server = await ServerHarness.StartAsync(clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        var updates = new ConcurrentQueue<string>();
        await server.Client.SubscribeToResourceAsync("mt://alerts", (n, _) =>
        {
            updates.Enqueue(n.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: TestContext.Current.CancellationToken);
        var alert = await server.CallOkAsync("create_alert", new()
        {
            ["symbol"] = "EURUSD", ["condition"] = "close > 0 and close[1] > 0", ["timeframe"] = "M1", ["webhook_url"] = hook.Url, ["note"] = "test note",
        });
        var id = alert.GetProperty("id").GetString()!;
        Assert.Equal(("condition", true, 0), (alert.GetProperty("type").GetString(), alert.GetProperty("active").GetBoolean(), alert.GetProperty("fire_count").GetInt32()));

        await AdvanceUntilAsync(server, () => !hook.Bodies.IsEmpty, TimeSpan.FromSeconds(5));
        var body = JsonDocument.Parse(Assert.Single(hook.Bodies)).RootElement;
        Assert.Equal(id, body.GetProperty("alert_id").GetString());
        Assert.Equal("EURUSD", body.GetProperty("symbol").GetString());
        Assert.Equal("test note", body.GetProperty("note").GetString());
        Assert.Equal("application/json", hook.ContentType);

        // The firing is the close of the first M1 bar that closed after the alert was created (14:30 closes at 14:31).
        var bars = (await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["from"] = "2026-03-04T14:30:00Z", ["to"] = "2026-03-04T14:30:00Z" }))
            .GetProperty("bars");
        Assert.Equal(bars[0].GetProperty("close").GetDouble(), body.GetProperty("value").GetDouble());
        Assert.Equal("2026-03-04T14:31:00.000Z", body.GetProperty("time").GetString());
        await AdvanceUntilAsync(server, () => !updates.IsEmpty, TimeSpan.FromMilliseconds(250));
        Assert.Contains("mt://alerts", updates);

        var listed = await server.CallOkAsync("list_alerts");
        var row = Assert.Single(listed.GetProperty("alerts").EnumerateArray());
        Assert.Equal((1, false), (row.GetProperty("fire_count").GetInt32(), row.GetProperty("active").GetBoolean()));
        Assert.Equal(body.GetProperty("time").GetString(), row.GetProperty("firings")[0].GetProperty("time").GetString());
    }

    [Fact]
    public async Task CreateAlert_PricesAroundTheQuote_OneFiresOnTheLiveFeed()
    {
        await using var server = await ServerHarness.StartAsync();
        var quote = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" } })).GetProperty("quotes")[0];
        var bid = quote.GetProperty("bid").GetDouble();
        var up = await server.CallOkAsync("create_alert", new() { ["symbol"] = "EURUSD", ["level"] = bid + 0.00005 });
        var down = await server.CallOkAsync("create_alert", new() { ["symbol"] = "EURUSD", ["level"] = bid - 0.00005 });
        Assert.Equal("above", up.GetProperty("direction").GetString());
        Assert.Equal("below", down.GetProperty("direction").GetString());

        JsonElement alerts = default;
        await AdvanceUntilAsync(server, () => false, TimeSpan.FromSeconds(5), rounds: 1);
        for (var i = 0; i < 60; i++)
        {
            alerts = (await server.CallOkAsync("list_alerts")).GetProperty("alerts");
            if (alerts.EnumerateArray().Any(a => a.GetProperty("fire_count").GetInt32() > 0))
            {
                break;
            }

            await AdvanceUntilAsync(server, () => false, TimeSpan.FromSeconds(5), rounds: 1);
        }

        var fired = alerts.EnumerateArray().Where(a => a.GetProperty("fire_count").GetInt32() > 0).ToList();
        Assert.NotEmpty(fired);
        foreach (var alert in fired)
        {
            var firing = Assert.Single(alert.GetProperty("firings").EnumerateArray());
            var level = alert.GetProperty("level").GetDouble();
            var value = firing.GetProperty("value").GetDouble();
            Assert.True(alert.GetProperty("direction").GetString() == "above" ? value >= level : value <= level, $"{value} vs {level}");
        }
    }

    [Fact]
    public async Task DeleteAlert_Then_ListIsEmptyAndSecondDeleteSaysSo()
    {
        await using var server = await ServerHarness.StartAsync();
        var alert = await server.CallOkAsync("create_alert", new() { ["symbol"] = "XAUUSD", ["level"] = 1.0, ["direction"] = "below" });
        var id = alert.GetProperty("id").GetString();
        Assert.True((await server.CallOkAsync("delete_alert", new() { ["id"] = id })).GetProperty("deleted").GetBoolean());
        Assert.False((await server.CallOkAsync("delete_alert", new() { ["id"] = id })).GetProperty("deleted").GetBoolean());
        Assert.Equal(0, (await server.CallOkAsync("list_alerts")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CreateAlert_Restart_AlertIsStillThere()
    {
        using var data = new TempDirectory();
        string id;
        await using (var first = await ServerHarness.StartAsync(s => s with { DataDirectory = data.Path }))
        {
            id = (await first.CallOkAsync("create_alert", new() { ["symbol"] = "EURUSD", ["condition"] = "rsi(close, 14) < 30", ["mode"] = "repeat" }))
                .GetProperty("id").GetString()!;
        }

        await using var second = await ServerHarness.StartAsync(s => s with { DataDirectory = data.Path });
        var row = Assert.Single((await second.CallOkAsync("list_alerts")).GetProperty("alerts").EnumerateArray());
        Assert.Equal((id, "rsi(close, 14) < 30", "repeat", 300), (row.GetProperty("id").GetString(), row.GetProperty("condition").GetString(),
            row.GetProperty("mode").GetString(), row.GetProperty("cooldown_seconds").GetInt32()));
        var resource = await second.Client.ReadResourceAsync($"mt://alerts/{id}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(id, Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(Assert.Single(resource.Contents)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("level", """{"symbol":"EURUSD","type":"price"}""")]
    [InlineData("condition", """{"symbol":"EURUSD","condition":"close >> 1"}""")]
    [InlineData("webhook_url", """{"symbol":"EURUSD","level":1.1,"direction":"above","webhook_url":"http://user:secret@127.0.0.1/x"}""")]
    [InlineData("webhook_url", """{"symbol":"EURUSD","level":1.1,"direction":"above","webhook_url":"ftp://127.0.0.1/x"}""")]
    [InlineData("level", """{"symbol":"EURUSD","condition":"close > 1","level":1.1}""")]
    [InlineData("mode", """{"symbol":"EURUSD","level":1.1,"direction":"above","mode":"twice"}""")]
    [InlineData("cooldown_seconds", """{"symbol":"EURUSD","level":1.1,"direction":"above","cooldown_seconds":-1}""")]
    public async Task CreateAlert_BadArgument_IsInvalidArgumentNamingIt(string argument, string json)
    {
        await using var server = await ServerHarness.StartAsync();
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);
        var error = await server.CallErrorAsync("create_alert", arguments);
        Assert.Equal(("INVALID_ARGUMENT", argument), (error.GetProperty("error_code").GetString(), error.GetProperty("argument").GetString()));
        Assert.DoesNotContain("secret", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.CallOkAsync("list_alerts")).GetProperty("count").GetInt32());
    }

    /// <summary>A loopback HTTP endpoint that records the bodies POSTed to it.</summary>
    private sealed class LoopbackHook : IDisposable
    {
        private readonly HttpListener _listener = new();

        public LoopbackHook()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<string> Bodies { get; } = new();

        public string? ContentType { get; private set; }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            try
            {
                while (_listener.IsListening)
                {
                    var context = await _listener.GetContextAsync();
                    using var reader = new StreamReader(context.Request.InputStream);
                    ContentType = context.Request.ContentType;
                    Bodies.Enqueue(await reader.ReadToEndAsync());
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
            }
        }
    }
}
