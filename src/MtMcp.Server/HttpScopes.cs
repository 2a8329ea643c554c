namespace MtMcp.Server;

/// <summary>
/// The access scopes of HTTP callers. <c>read</c>: market data, accounts, analysis and reports; <c>trade</c>: also the
/// tools that send, change or cancel orders; <c>admin</c>: also risk-limit changes and the kill switch. OAuth tokens carry
/// them as <c>mt.read</c>, <c>mt.trade</c>, <c>mt.admin</c>.
/// </summary>
public static class HttpScopes
{
    /// <summary>Reading.</summary>
    public const string Read = "read";

    /// <summary>Trading.</summary>
    public const string Trade = "trade";

    /// <summary>Administration.</summary>
    public const string Admin = "admin";

    /// <summary>The claim type carrying a caller's scopes.</summary>
    public const string ClaimType = "mtmcp_scope";

    /// <summary>The OAuth scope name of <paramref name="scope"/> (<c>mt.read</c>, …).</summary>
    public static string OAuthName(string scope) => "mt." + scope;

    /// <summary>Whether <paramref name="scope"/> is one of the three scopes (case-insensitive).</summary>
    public static bool IsKnown(string scope) =>
        scope.Equals(Read, StringComparison.OrdinalIgnoreCase) || scope.Equals(Trade, StringComparison.OrdinalIgnoreCase) || scope.Equals(Admin, StringComparison.OrdinalIgnoreCase);
}
