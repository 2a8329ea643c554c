namespace MtMcp.Engine;

/// <summary>Who sent a request and through what: recorded in the audit trail and used by per-actor limits.</summary>
/// <param name="Actor">The API key id, OAuth subject, strategy id or <c>local</c> (the command line, stdio).</param>
/// <param name="Channel">The tool or endpoint, e.g. <c>mcp:place_order</c>, <c>rest:POST /api/v1/orders</c>, <c>strategy:sma_cross</c>, <c>cli:paper</c>.</param>
public sealed record TradeOrigin(string Actor, string Channel)
{
    /// <summary>A request from the local operator (command line or a stdio client).</summary>
    public static TradeOrigin Local { get; } = new("local", "local");
}
