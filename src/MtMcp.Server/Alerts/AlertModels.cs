namespace MtMcp.Server.Alerts;

// The alert shapes: persisted in <data-dir>/alerts/alerts.json and returned by the alert tools, resources and streams
// (snake_case JSON). Times are ISO-8601 UTC.

/// <summary>One firing of an alert: when, the price or bar close that fired it, and a one-line description.</summary>
internal sealed record AlertFiring(string Time, double Value, string Message);

/// <summary>
/// An alert: a price crossing (<see cref="Type"/> "price": <see cref="Side"/> bid/ask crosses <see cref="Level"/> in
/// <see cref="Direction"/> above/below) or a strategy-language <see cref="Condition"/> on the bars of
/// <see cref="Timeframe"/> (<see cref="Type"/> "condition"). "once" alerts deactivate after their first firing;
/// "repeat" alerts fire again after <see cref="CooldownSeconds"/>.
/// </summary>
internal sealed record AlertRecord(
    string Id, string Symbol, string Type, string? Direction, string? Side, double? Level, string? Condition, string? Timeframe,
    string Mode, int CooldownSeconds, string? WebhookUrl, string? Note, string Created, bool Active, int FireCount, string? LastFired,
    IReadOnlyList<AlertFiring> Firings);

/// <summary>The persisted file: every alert and the next id number.</summary>
internal sealed record AlertFile(int NextId, IReadOnlyList<AlertRecord> Alerts);

/// <summary>The answer of <c>list_alerts</c> and the <c>mt://alerts</c> resource.</summary>
internal sealed record AlertList(int Count, IReadOnlyList<AlertRecord> Alerts);

/// <summary>The answer of <c>delete_alert</c>.</summary>
internal sealed record AlertDeletion(string Id, bool Deleted, string Message);

/// <summary>A firing as the WebSocket stream and the webhook deliver it.</summary>
internal sealed record AlertEvent(string Type, string AlertId, string Symbol, string AlertType, string Time, double Value, string Message, string? Note);
