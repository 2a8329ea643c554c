using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MtMcp.Server.Tests;

/// <summary>
/// Calls tools with a progress token of its own and collects the progress notifications sent for it, with a handler on
/// the whole session. A per-call <see cref="IProgress{T}"/> is unregistered when the call completes, which can be
/// before the client has dispatched notifications the server sent ahead of the result; this handler stays until the
/// recorder is disposed, so a test can wait for what was sent.
/// </summary>
internal sealed class ProgressRecorder : IAsyncDisposable
{
    private readonly McpClient _client;
    private readonly string _token = "progress-" + Guid.NewGuid().ToString("N");
    private readonly List<ProgressNotificationValue> _reports = [];
    private readonly IAsyncDisposable _registration;

    public ProgressRecorder(McpClient client)
    {
        _client = client;
        var token = new ProgressToken(_token);
        _registration = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            var sent = JsonSerializer.Deserialize<ProgressNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions);
            if (sent is not null && sent.ProgressToken == token)
            {
                lock (_reports)
                {
                    _reports.Add(sent.Progress);
                }
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The notifications received so far, in arrival order.</summary>
    public IReadOnlyList<ProgressNotificationValue> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Calls <paramref name="tool"/> with this recorder's progress token.</summary>
    public async Task<CallToolResult> CallToolAsync(string tool, Dictionary<string, object?> arguments) =>
        await _client.CallToolAsync(
            new CallToolRequestParams
            {
                Name = tool,
                Arguments = arguments.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value, McpJsonUtilities.DefaultOptions)),
                Meta = new JsonObject { ["progressToken"] = _token },
            },
            TestContext.Current.CancellationToken);

    /// <summary>Waits up to 10 s until <paramref name="done"/> holds for the reports; returns them either way.</summary>
    public async Task<IReadOnlyList<ProgressNotificationValue>> WaitAsync(Func<IReadOnlyList<ProgressNotificationValue>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done(Reports) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return Reports;
    }

    public ValueTask DisposeAsync() => _registration.DisposeAsync();
}
