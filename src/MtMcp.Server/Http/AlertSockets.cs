using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MtMcp.Server.Alerts;

namespace MtMcp.Server.Http;

/// <summary>
/// <c>/ws/alerts</c>: one <c>{"type":"alert","alert_id":…,"symbol":…,"alert_type":…,"time":…,"value":…,"message":…,"note":…}</c>
/// text message per firing of any alert, from the moment the socket opens. The client sends nothing.
/// </summary>
internal static class AlertSockets
{
    /// <summary>Serves one alert stream.</summary>
    public static async Task AlertsAsync(HttpContext http, ServerSettings settings, IServiceProvider services)
    {
        if (services.GetService(typeof(AlertService)) is not AlertService alerts || !ScopeFilter.Allows(settings, settings.Auth.IsConfigured ? http.User : null, "list_alerts"))
        {
            await RestApi.WriteErrorAsync(http, StatusCodes.Status404NotFound,
                new ToolError(ToolErrorCodes.NotAvailable, "The alert stream needs the alerts toolset.", Retryable: false)).ConfigureAwait(false);
            return;
        }

        var socket = await StreamSockets.AcceptAsync(http).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        using (socket)
        using (var stream = alerts.Subscribe())
        {
            using var closed = StreamSockets.WatchCloseAsync(socket, http.RequestAborted);
            try
            {
                await foreach (var message in stream.Events.ReadAllAsync(closed.Token).ConfigureAwait(false))
                {
                    await StreamSockets.SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(message, ServerJsonContext.Default.AlertEvent), closed.Token).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
            }
        }
    }
}
