using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Alerts;

namespace MtMcp.Server.Resources;

/// <summary>The alert resources: every alert, and one alert, with their firings (the shapes of <c>list_alerts</c>).</summary>
[McpServerResourceType]
internal sealed class AlertResources(AlertService alerts)
{
    [McpServerResource(UriTemplate = ResourceUris.Alerts, Name = "alerts", Title = "Alerts", MimeType = ResourceUris.Json)]
    [Description("Every alert with its newest firings. Subscribe to be told when an alert fires, is created or is deleted.")]
    public string All()
    {
        var rows = alerts.Book.List();
        return JsonSerializer.Serialize(new AlertList(rows.Count, rows), ServerJsonContext.Default.AlertList);
    }

    [McpServerResource(UriTemplate = ResourceUris.Alert, Name = "alert", Title = "Alert", MimeType = ResourceUris.Json)]
    [Description("One alert with its newest firings. Subscribe to be told when it fires.")]
    public string One([Description("Alert id, e.g. a3.")] string id) =>
        JsonSerializer.Serialize(alerts.Book.Get(id) ?? throw new McpProtocolException($"There is no alert '{Tools.UntrustedText.Clean(id, 32)}'.", McpErrorCode.ResourceNotFound),
            ServerJsonContext.Default.AlertRecord);
}
