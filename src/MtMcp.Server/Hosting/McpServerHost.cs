using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using MtMcp.Server.Http;

namespace MtMcp.Server;

/// <summary>Runs the MCP server over stdio or Streamable HTTP.</summary>
public static class McpServerHost
{
    /// <summary>The HTTP address used when none is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// Serves MCP over stdin/stdout until the client disconnects or <paramref name="cancellationToken"/> is cancelled.
    /// stdout carries only protocol messages; every log line goes to stderr.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings cannot start a server.</exception>
    public static async Task RunStdioAsync(ServerSettings settings, TimeProvider time, LogLevel logLevel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        ConfigureLogging(builder.Logging, logLevel);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddMtMcpServer(settings, time).WithStdioServerTransport();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(McpServerHost));
        Log.ServerStarting(logger, "stdio", settings.Mode, settings.Toolsets);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the Streamable HTTP server: MCP at <c>/mcp</c> (stateful sessions for clients that initialize, so they can
    /// answer confirmations; stateless for newer clients), the REST mirror of the tools at <c>/api/v1</c> (OpenAPI at
    /// <c>/api/v1/openapi.json</c>), WebSocket streams at <c>/ws</c>, <c>/healthz</c>, a Host allow-list and an Origin
    /// check that answers 403 to foreign browser origins. With <see cref="ServerSettings.Auth"/> configured every endpoint
    /// but <c>/healthz</c> and the resource metadata needs an API key or a bearer token and is rate-limited per caller;
    /// without it only loopback addresses may be bound.
    /// </summary>
    /// <exception cref="ArgumentException">A URL is malformed or binds a non-loopback address.</exception>
    /// <exception cref="InvalidOperationException">The settings cannot start a server.</exception>
    public static WebApplication BuildHttp(ServerSettings settings, TimeProvider time, IReadOnlyList<string> urls, LogLevel logLevel)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(urls);
        var bound = urls.Count == 0 ? [new Uri(DefaultUrl)] : urls.Select(u => CheckUrl(u, settings.Auth.IsConfigured)).ToList();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        ConfigureLogging(builder.Logging, logLevel);
        builder.WebHost.UseUrls([.. bound.Select(u => u.GetLeftPart(UriPartial.Authority))]);
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]", .. settings.AllowedHosts];
            o.AllowEmptyHosts = false;
        });
        builder.Services.AddMtMcpServer(settings, time)
            .WithHttpTransport(o => o.SessionMode = HttpServerSessionMode.StatefulForInitializeClients);
        builder.Services.AddSingleton<ToolGateway>();
        var secured = settings.Auth.IsConfigured;
        if (secured)
        {
            builder.Services.AddMtMcpHttpAuthentication(settings.Auth);
        }

        var app = builder.Build();
        var origins = new HashSet<string>(settings.AllowedOrigins, StringComparer.OrdinalIgnoreCase);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(McpServerHost));
        app.UseHostFiltering();
        app.Use((context, next) =>
        {
            // Browsers send Origin; a foreign one is a cross-site (DNS rebinding) attempt. Non-browser clients send none.
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !origins.Contains(origin) && !IsOwnOrigin(origin, context))
            {
                Log.OriginRejected(logger, origin);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        if (secured)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseRateLimiter();
        }

        app.MapGet("/healthz", () => Results.Text("{\"status\":\"ok\"}", "application/json"));
        IEndpointConventionBuilder[] endpoints = [app.MapMcp("/mcp"), app.MapRestApi(), app.MapStreams()];
        if (secured)
        {
            foreach (var endpoint in endpoints)
            {
                endpoint.RequireAuthorization().RequireRateLimiting(HttpAuthentication.RateLimitPolicy);
            }
        }
        Log.ServerStarting(logger, "http", settings.Mode, settings.Toolsets);
        foreach (var uri in bound)
        {
            Log.ServerListening(logger, uri);
        }

        return app;
    }

    // A page served by this server itself: a loopback origin on the port the request arrived on.
    private static bool IsOwnOrigin(string origin, HttpContext context) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.Host is "127.0.0.1" or "localhost" or "[::1]"
        && uri.Port == context.Connection.LocalPort;

    private static Uri CheckUrl(string url, bool authenticated)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.IsDefaultPort && !url.Contains(":80", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--urls '{url}' is not an address such as {DefaultUrl} (http, host and port).", nameof(url));
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback && !authenticated)
        {
            throw new ArgumentException(
                $"--urls '{url}' binds a non-loopback address. Serving beyond this machine needs authentication: configure API keys or OAuth under "
                + "server.auth in --config (see docs/configuration.md), or bind 127.0.0.1 or localhost.", nameof(url));
        }

        return uri;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        // The SDK logs every request at Information: keep that for --verbose, it costs time on every call.
        logging.AddFilter("ModelContextProtocol", level > LogLevel.Debug ? LogLevel.Warning : level);
        logging.AddFilter("Microsoft.AspNetCore", level > LogLevel.Debug ? LogLevel.Warning : level);
        // stdout belongs to the protocol on stdio; on HTTP stderr keeps logs apart from program output too.
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
