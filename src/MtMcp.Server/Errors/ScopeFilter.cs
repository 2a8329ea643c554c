using System.Collections.Frozen;
using System.Reflection;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Tools;

namespace MtMcp.Server;

/// <summary>
/// Access by scope on HTTP (<see cref="HttpScopes"/>): <c>tools/list</c> hides the tools a caller may not use and
/// <c>tools/call</c> refuses them with UNAUTHORIZED, so a <c>read</c> key can neither see nor run a trading tool.
/// Without configured authentication (stdio, loopback HTTP) everything is allowed.
/// </summary>
internal static class ScopeFilter
{
    private static readonly FrozenSet<string> s_admin = FrozenSet.Create(StringComparer.Ordinal, "set_risk_limits", "kill_switch");
    private static readonly FrozenSet<string> s_trade = ToolNames(typeof(TradingTools), typeof(StrategyExecutionTools));

    /// <summary>The scope a tool needs.</summary>
    public static string Required(string tool) =>
        s_admin.Contains(tool) ? HttpScopes.Admin : s_trade.Contains(tool) ? HttpScopes.Trade : HttpScopes.Read;

    /// <summary>Whether <paramref name="user"/> may use <paramref name="tool"/>.</summary>
    public static bool Allows(ServerSettings settings, ClaimsPrincipal? user, string tool)
    {
        if (!settings.Auth.IsConfigured || user is null)
        {
            // stdio (no HTTP user) and unauthenticated loopback HTTP belong to the local operator.
            return true;
        }

        var required = Required(tool);
        // trade and admin include read.
        return user.HasClaim(HttpScopes.ClaimType, required)
            || (required == HttpScopes.Read && (user.HasClaim(HttpScopes.ClaimType, HttpScopes.Trade) || user.HasClaim(HttpScopes.ClaimType, HttpScopes.Admin)));
    }

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? "";
            var settings = context.Services!.GetRequiredService<ServerSettings>();
            if (Allows(settings, context.User, name))
            {
                return next(context, cancellationToken);
            }

            var runner = context.Services!.GetRequiredService<ToolRunner>();
            return ValueTask.FromResult(runner.Failure(name, new ToolError(ToolErrorCodes.Unauthorized,
                $"{name} needs the '{Required(name)}' scope, which this caller's credentials do not grant. Nothing was done.", Retryable: false)));
        };

    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> WrapList(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken).ConfigureAwait(false);
            var settings = context.Services!.GetRequiredService<ServerSettings>();
            if (settings.Auth.IsConfigured && context.User is { } user)
            {
                result.Tools = [.. result.Tools.Where(t => Allows(settings, user, t.Name))];
            }

            return result;
        };

    private static FrozenSet<string> ToolNames(params Type[] types) =>
        types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => m.GetCustomAttribute<McpServerToolAttribute>()?.Name)
            .OfType<string>()
            .ToFrozenSet(StringComparer.Ordinal);
}
