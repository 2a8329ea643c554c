using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>An in-process server and SDK client over two pipes, on a fake clock and an empty data directory.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    /// <summary>A Wednesday in the London/New York overlap: every forex market is open.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 14, 30, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly TempDirectory _data;

    private ServerHarness(IHost host, McpClient client, TempDirectory data, FakeTimeProvider time)
    {
        _host = host;
        Client = client;
        _data = data;
        Time = time;
    }

    public McpClient Client { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The server's services (for hosted parts a test drives from outside, such as the bridge listener).</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<ServerHarness> StartAsync(Func<ServerSettings, ServerSettings>? configure = null, DateTimeOffset? now = null, McpClientOptions? clientOptions = null)
    {
        var data = new TempDirectory();
        var time = new FakeTimeProvider(now ?? Now);
        var settings = new ServerSettings { DataDirectory = data.Path };
        settings = configure?.Invoke(settings) ?? settings;

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMtMcpServer(settings, time)
            .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = await McpClient.CreateAsync(
            new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()),
            clientOptions, cancellationToken: TestContext.Current.CancellationToken);
        return new ServerHarness(host, client, data, time);
    }

    public async Task<IList<McpClientTool>> ListToolsAsync() => await Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Calls a tool and returns its result.</summary>
    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null) =>
        await Client.CallToolAsync(tool, arguments ?? [], cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Calls a tool that must succeed and returns its structured content.</summary>
    public async Task<JsonElement> CallOkAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.True(result.IsError is null or false, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        // The text block carries the same JSON for clients that ignore structured content.
        Assert.Equal(result.StructuredContent.Value.GetRawText(), Text(result));
        return result.StructuredContent.Value;
    }

    /// <summary>Calls a tool that must fail and returns the tool error body.</summary>
    public async Task<JsonElement> CallErrorAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.True(result.IsError, $"{tool} should have failed but answered {Text(result)}");
        Assert.Null(result.StructuredContent);
        using var document = JsonDocument.Parse(Text(result));
        return document.RootElement.Clone();
    }

    public static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _data.Dispose();
    }
}
