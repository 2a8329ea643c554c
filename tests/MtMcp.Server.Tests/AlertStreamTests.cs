using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MtMcp.Server.Alerts;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>/ws/alerts over real HTTP: a firing arrives as one JSON message.</summary>
public sealed class AlertStreamTests
{
    [Fact]
    public async Task WebSocketAlerts_ConditionFires_SendsTheFiring()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(ServerHarness.Now);
        await using var app = McpServerHost.BuildHttp(new ServerSettings { DataDirectory = data.Path }, time, ["http://127.0.0.1:0"], LogLevel.Warning);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws/alerts"), ct);

        var alerts = app.Services.GetRequiredService<AlertService>();
        var alert = alerts.Create(new AlertRecord(string.Empty, "EURUSD", AlertTypes.Condition, null, null, null, "close > 0", "M1",
            AlertModes.Once, 0, null, "ws", "2026-03-04T14:30:00Z", true, 0, null, []));
        var buffer = new byte[4096];
        var receive = socket.ReceiveAsync(buffer, ct);
        for (var i = 0; i < 200 && !receive.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20, ct);
        }

        var received = await receive.WaitAsync(TimeSpan.FromSeconds(10), ct);
        using var message = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
        var root = message.RootElement;
        Assert.Equal(("alert", alert.Id, "EURUSD", "condition", "ws"), (root.GetProperty("type").GetString(), root.GetProperty("alert_id").GetString(),
            root.GetProperty("symbol").GetString(), root.GetProperty("alert_type").GetString(), root.GetProperty("note").GetString()));
        Assert.Equal("2026-03-04T14:31:00.000Z", root.GetProperty("time").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
    }
}
