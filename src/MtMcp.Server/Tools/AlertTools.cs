using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Server.Alerts;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>The <c>alerts</c> toolset: price and strategy-language condition alerts on the live feed (docs/alerts.md).</summary>
[McpServerToolType]
internal sealed class AlertTools(ServerSettings settings, AlertService alerts, LiveQuotes quotes, TimeProvider time, ToolRunner runner)
{
    /// <summary>Longest note, in characters.</summary>
    public const int MaxNote = 200;

    /// <summary>Longest cooldown, in seconds (a week).</summary>
    public const int MaxCooldown = 7 * 86_400;

    [McpServerTool(Name = "create_alert", Title = "Create an alert", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AlertRecord))]
    [Description("Creates an alert on a symbol. type price: fires on the tick where the bid (or ask) crosses 'level' (above: from below to at/above; "
        + "below: from above to at/below), counted from the quote now. type condition: a strategy-language condition (e.g. \"rsi(close, 14) < 30\") "
        + "checked on each bar of 'timeframe' that closes from now on. mode once (default) ends the alert at its first firing; repeat fires again after "
        + "cooldown_seconds. Each firing is recorded (list_alerts), pushed as an update of the resources mt://alerts and mt://alerts/{id}, sent on the "
        + "WebSocket /ws/alerts (HTTP mode) and POSTed as JSON to webhook_url when given. Alerts persist across restarts.")]
    public CallToolResult CreateAlert(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("price (default when level is given) or condition (default when condition is given).")] string? type = null,
        [Description("price: the price level to watch.")] double? level = null,
        [Description("price: above or below; default: the side of the level from the current quote.")] string? direction = null,
        [Description("price: the quote side watched, bid (default) or ask.")] string? price = null,
        [Description("condition: a strategy-language condition, as in scan_market.")] string? condition = null,
        [Description("condition: bar timeframe M1 … MN1 (default H1).")] string? timeframe = null,
        [Description("once (default) or repeat.")] string? mode = null,
        [Description("repeat: seconds after a firing before the alert may fire again, 0 to 604800 (default 300).")] int? cooldown_seconds = null,
        [Description("Optional http(s) URL that receives each firing as a JSON POST; no user:password in it.")] string? webhook_url = null,
        [Description("Optional note, up to 200 characters, returned with each firing.")] string? note = null) =>
        runner.Run("create_alert", () =>
        {
            var spec = Args.Symbol(settings.Catalog, symbol);
            var kind = (type?.Trim().ToLowerInvariant() ?? (condition is not null ? AlertTypes.Condition : AlertTypes.Price)) switch
            {
                AlertTypes.Price => AlertTypes.Price,
                AlertTypes.Condition => AlertTypes.Condition,
                _ => throw ToolErrorException.InvalidArgument("type", "type must be price or condition."),
            };
            var once = (mode?.Trim().ToLowerInvariant() ?? AlertModes.Once) switch
            {
                AlertModes.Once => true,
                AlertModes.Repeat => false,
                _ => throw ToolErrorException.InvalidArgument("mode", "mode must be once or repeat."),
            };
            var cooldown = Args.Count(cooldown_seconds, once ? 0 : 300, 0, MaxCooldown, "cooldown_seconds");
            var url = Webhook(webhook_url);
            if (note is { Length: > MaxNote })
            {
                throw ToolErrorException.InvalidArgument("note", string.Create(CultureInfo.InvariantCulture, $"note is at most {MaxNote} characters, not {note.Length}."));
            }

            var created = Args.Format(time.GetUtcNow());
            var draft = kind == AlertTypes.Price
                ? PriceDraft(spec, level, direction, price, condition, timeframe)
                : ConditionDraft(spec, level, direction, price, condition, timeframe);
            return alerts.Create(draft with
            {
                Mode = once ? AlertModes.Once : AlertModes.Repeat, CooldownSeconds = cooldown, WebhookUrl = url,
                Note = note is null ? null : UntrustedText.Clean(note, MaxNote), Created = created,
            });
        }, ServerJsonContext.Default.AlertRecord);

    [McpServerTool(Name = "list_alerts", Title = "List alerts", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AlertList))]
    [Description("Lists the alerts, oldest first, each with whether it is still active, how often it fired and its newest firings (time, value, message; up to 50).")]
    public CallToolResult ListAlerts(
        [Description("Only the alerts of this symbol.")] string? symbol = null,
        [Description("true: only active alerts; false: only ended ones; default both.")] bool? active = null) =>
        runner.Run("list_alerts", () =>
        {
            var name = symbol is null ? null : Args.Symbol(settings.Catalog, symbol).Name;
            var rows = alerts.Book.List().FindAll(a => (name is null || a.Symbol == name) && (active is null || a.Active == active));
            return new AlertList(rows.Count, rows);
        }, ServerJsonContext.Default.AlertList);

    [McpServerTool(Name = "delete_alert", Title = "Delete an alert", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AlertDeletion))]
    [Description("Deletes an alert with its firing history; it never fires again. Deleting an id that does not exist answers deleted false.")]
    public CallToolResult DeleteAlert([Description("The alert id, e.g. a3 (list_alerts shows them).")] string id) =>
        runner.Run("delete_alert", () =>
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw ToolErrorException.InvalidArgument("id", "id is required: an alert id such as a3 (list_alerts shows them).");
            }

            var shown = UntrustedText.Clean(id.Trim(), 32);
            return alerts.Delete(id)
                ? new AlertDeletion(shown, true, $"Alert {shown} deleted.")
                : new AlertDeletion(shown, false, $"There is no alert {shown}; list_alerts shows the alerts.");
        }, ServerJsonContext.Default.AlertDeletion);

    private AlertRecord PriceDraft(SymbolSpec spec, double? level, string? direction, string? side, string? condition, string? timeframe)
    {
        if (condition is not null || timeframe is not null)
        {
            throw ToolErrorException.InvalidArgument(condition is not null ? "condition" : "timeframe", "condition and timeframe belong to type condition, not price.");
        }

        if (level is not { } target || !double.IsFinite(target) || target <= 0)
        {
            throw ToolErrorException.InvalidArgument("level", "level is required for a price alert: a price above 0, e.g. 1.0850.");
        }

        var watched = (side?.Trim().ToLowerInvariant() ?? AlertSides.Bid) switch
        {
            AlertSides.Bid => AlertSides.Bid,
            AlertSides.Ask => AlertSides.Ask,
            _ => throw ToolErrorException.InvalidArgument("price", "price must be bid or ask."),
        };
        var way = direction?.Trim().ToLowerInvariant() switch
        {
            AlertDirections.Above => AlertDirections.Above,
            AlertDirections.Below => AlertDirections.Below,
            null => Side(spec, target, watched),
            _ => throw ToolErrorException.InvalidArgument("direction", "direction must be above or below."),
        };
        return Draft(spec, AlertTypes.Price) with { Direction = way, Side = watched, Level = spec.NormalizePrice(target) };
    }

    private static AlertRecord ConditionDraft(SymbolSpec spec, double? level, string? direction, string? side, string? condition, string? timeframe)
    {
        if (level is not null || direction is not null || side is not null)
        {
            throw ToolErrorException.InvalidArgument(level is not null ? "level" : direction is not null ? "direction" : "price",
                "level, direction and price belong to type price, not condition.");
        }

        var tf = timeframe is null ? Timeframe.H1 : Args.Timeframe(timeframe);
        var checkedCondition = MarketAnalysisTools.Compile(condition, tf);
        return Draft(spec, AlertTypes.Condition) with { Condition = checkedCondition.Text, Timeframe = tf.Name() };
    }

    // Without a direction, the level's side of the current quote says which crossing is meant.
    private string Side(SymbolSpec spec, double level, string side)
    {
        if (quotes.IndexOf(spec.Name) is var i and >= 0 && quotes.Latest(i) is { } tick)
        {
            var now = side == AlertSides.Ask ? tick.Ask : tick.Bid;
            if (level != now)
            {
                return level > now ? AlertDirections.Above : AlertDirections.Below;
            }
        }

        throw ToolErrorException.InvalidArgument("direction", "direction is required here (above or below): there is no quote to tell which side the level is on.");
    }

    private static AlertRecord Draft(SymbolSpec spec, string type) =>
        new(string.Empty, spec.Name, type, null, null, null, null, null, AlertModes.Once, 0, null, null, string.Empty, Active: true, FireCount: 0, LastFired: null, Firings: []);

    private static string? Webhook(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > 2000 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw ToolErrorException.InvalidArgument("webhook_url", "webhook_url must be an absolute http:// or https:// URL of at most 2000 characters.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw ToolErrorException.InvalidArgument("webhook_url", "webhook_url must not carry a user name or password; use a token in the path if the endpoint needs one.");
        }

        return uri.AbsoluteUri;
    }
}
