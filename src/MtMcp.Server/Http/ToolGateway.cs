using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MtMcp.Server.Http;

/// <summary>
/// Calls the MCP tools for the REST API: the same registered tools, argument filter and scope filter as
/// <c>tools/call</c>, so REST answers exactly what MCP answers (same validation, same error model). The calls run on
/// a server instance with no client behind it: it cannot ask the user anything, so orders that need confirmation are
/// refused over REST (CONFIRMATION_REQUIRED).
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ToolGateway : IAsyncDisposable
{
    private readonly McpServerOptions _options;
    private readonly McpServer _server;
    private long _nextId;

    public ToolGateway(IOptions<McpServerOptions> options, ILoggerFactory loggers, IServiceProvider services)
    {
        _options = options.Value;
#pragma warning disable CA2000 // The server owns the transport and disposes it with itself.
        _server = McpServer.Create(new DetachedTransport(), _options, loggers, services);
#pragma warning restore CA2000
    }

    /// <summary>The tools, in <c>tools/list</c> order.</summary>
    public IEnumerable<McpServerTool> Tools => _options.ToolCollection ?? [];

    /// <summary>The tool called <paramref name="name"/>, or null.</summary>
    public McpServerTool? Find(string name) => _options.ToolCollection?.TryGetPrimitive(name, out var tool) == true ? tool : null;

    /// <summary>Calls <paramref name="tool"/> with <paramref name="arguments"/> as <paramref name="user"/>.</summary>
    public async ValueTask<CallToolResult> CallAsync(
        McpServerTool tool, IDictionary<string, JsonElement> arguments, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var name = tool.ProtocolTool.Name;
        var parameters = new CallToolRequestParams { Name = name, Arguments = arguments };
        var request = new JsonRpcRequest
        {
            Id = new RequestId(Interlocked.Increment(ref _nextId)),
            Method = RequestMethods.ToolsCall,
            Params = JsonSerializer.SerializeToNode(parameters, ModelContextProtocol.McpJsonUtilities.DefaultOptions),
        };
        var context = new RequestContext<CallToolRequestParams>(_server, request, parameters)
        {
            Services = services,
            User = user,
            MatchedPrimitive = tool,
        };
        var handler = ScopeFilter.Wrap(ArgumentFilter.Wrap((c, token) => tool.InvokeAsync(c, token)));
        return await handler(context, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // A transport with no peer: nothing arrives, and whatever the server would send (progress, requests) goes nowhere.
    private sealed class DetachedTransport : ITransport
    {
        private readonly Channel<JsonRpcMessage> _incoming = Channel.CreateUnbounded<JsonRpcMessage>();

        public string? SessionId => null;

        public ChannelReader<JsonRpcMessage> MessageReader => _incoming.Reader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _incoming.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
