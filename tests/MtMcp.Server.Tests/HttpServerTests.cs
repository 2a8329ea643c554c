using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>Streamable HTTP: the MCP endpoint, health, and the Origin and Host guards.</summary>
public sealed class HttpServerTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private WebApplication? _app;
    private Uri _base = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new ServerSettings { DataDirectory = _data.Path, AllowedOrigins = ["https://console.example"] };
        _app = McpServerHost.BuildHttp(settings, new FakeTimeProvider(ServerHarness.Now), ["http://127.0.0.1:0"], LogLevel.Warning);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _base = new Uri(address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task Healthz_Get_AnswersOk()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(_base, "healthz"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://127.0.0.1:1", HttpStatusCode.Forbidden)]
    [InlineData("https://console.example", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.OK)]
    public async Task Mcp_Origin_OnlyOwnAndConfiguredOriginsPass(string? origin, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        using var request = Initialize();
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Mcp_OwnLoopbackOrigin_Passes()
    {
        using var http = new HttpClient();
        using var request = Initialize();
        request.Headers.Add("Origin", $"http://localhost:{_base.Port}");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Healthz_ForeignHost_IsRefused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "healthz"));
        request.Headers.Host = "rebind.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Mcp_SdkClient_ListsToolsAndGetsAQuote()
    {
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(_base, "mcp") });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(tools, t => t.Name == "get_quote");
        var result = await client.CallToolAsync("get_quote", new Dictionary<string, object?> { ["symbols"] = new[] { "EURUSD" } },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("EURUSD", result.StructuredContent!.Value.GetProperty("quotes")[0].GetProperty("symbol").GetString());
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://192.168.1.10:8080")]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("not a url")]
    public void BuildHttp_NonLoopbackOrBadUrl_IsRefused(string url)
    {
        var settings = new ServerSettings { DataDirectory = _data.Path };
        Assert.Throws<ArgumentException>(() => McpServerHost.BuildHttp(settings, TimeProvider.System, [url], LogLevel.Warning));
    }

    private HttpRequestMessage Initialize()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "mcp"))
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"0"}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        return request;
    }
}
