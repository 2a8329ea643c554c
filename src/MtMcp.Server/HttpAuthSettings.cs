namespace MtMcp.Server;

/// <summary>
/// Authentication of the HTTP endpoints (<c>server.auth</c> in the configuration): API keys and/or OAuth 2.1 bearer
/// tokens. When neither is configured the HTTP server accepts anonymous callers and binds loopback addresses only.
/// </summary>
public sealed record HttpAuthSettings
{
    /// <summary>No authentication.</summary>
    public static HttpAuthSettings None { get; } = new();

    /// <summary>The API keys, stored as SHA-256 hashes (the keys themselves are never configured or logged).</summary>
    public IReadOnlyList<ApiKeySettings> ApiKeys { get; init; } = [];

    /// <summary>The OAuth resource-server settings, or null.</summary>
    public OAuthSettings? OAuth { get; init; }

    /// <summary>Requests per minute for callers whose key sets none (and for OAuth subjects).</summary>
    public int RequestsPerMinute { get; init; } = 1200;

    /// <summary>Whether any authentication is configured.</summary>
    public bool IsConfigured => ApiKeys.Count > 0 || OAuth is not null;
}

/// <summary>One API key (<c>server.auth.api_keys[]</c>).</summary>
/// <param name="Name">The key's name: the caller's identity in logs and the audit trail (never the key).</param>
/// <param name="Sha256">The SHA-256 hash of the key's UTF-8 bytes (32 bytes).</param>
/// <param name="Scopes">Granted scopes: <c>read</c>, <c>trade</c>, <c>admin</c>.</param>
/// <param name="RequestsPerMinute">This key's rate limit, or null for <see cref="HttpAuthSettings.RequestsPerMinute"/>.</param>
public sealed record ApiKeySettings(string Name, byte[] Sha256, IReadOnlyList<string> Scopes, int? RequestsPerMinute);

/// <summary>The OAuth 2.1 resource server (<c>server.auth.oauth</c>).</summary>
/// <param name="Issuer">The authorization server (token issuer); its OpenID/OAuth metadata gives the signing keys unless <paramref name="JwksFile"/> is set.</param>
/// <param name="Audience">This server's canonical URI, e.g. <c>https://mt.example.com/mcp</c>: tokens must name it as audience.</param>
/// <param name="JwksFile">A local JSON Web Key Set with the issuer's signing keys, for hosts that cannot fetch metadata; null to fetch.</param>
public sealed record OAuthSettings(string Issuer, string Audience, string? JwksFile);
