using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MtMcp.Server.Tests;

/// <summary>
/// A real <c>mtmcp serve --http</c> process configured as an OAuth 2.1 resource server, and a stand-in authorization
/// server: an RSA key whose public half the server reads from a JWKS file (<c>server.auth.oauth.jwks_file</c>), and a
/// JWT signer written here from the RFC 7515/7519 rules (RS256), independent of the server's token handler.
/// </summary>
public sealed class OAuthServer : IAsyncLifetime
{
    public const string Issuer = "https://auth.example.test/";
    public const string KeyId = "test-key-1";

    private readonly HttpServerProcess _server = new();
    private readonly RSA _key = RSA.Create(2048);

    public Uri BaseUri => _server.BaseUri;

    public Uri Mcp => _server.Mcp;

    /// <summary>The audience the server demands: its own /mcp URL.</summary>
    public string Audience => Mcp.ToString();

    public string Log => _server.Log;

    public async ValueTask InitializeAsync()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url.EncodeToString(parameters.Modulus), e = Base64Url.EncodeToString(parameters.Exponent) } },
        });
        await File.WriteAllTextAsync(Path.Combine(_server.DataDirectory, "issuer-keys.json"), jwks, TestContext.Current.CancellationToken);
        await _server.StartAsync($$"""
            {
              "server": {
                "auth": {
                  "oauth": { "issuer": "{{Issuer}}", "audience": "{{Audience}}", "jwks_file": "issuer-keys.json" },
                  "requests_per_minute": 100000
                }
              }
            }
            """, TestContext.Current.CancellationToken, "--verbose");   // debug logging: the most a log could ever hold
    }

    /// <summary>
    /// A signed JWT for <paramref name="subject"/> with the given claims; <paramref name="expires"/> defaults to an hour
    /// from now, <paramref name="signer"/> to the issuer's key.
    /// </summary>
    public string Token(string subject, object scopes, string? issuer = null, string? audience = null, DateTimeOffset? expires = null, RSA? signer = null)
    {
        var now = DateTimeOffset.UtcNow;
        var exp = expires ?? now.AddHours(1);
        var header = JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId });
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer ?? Issuer,
            ["aud"] = audience ?? Audience,
            ["sub"] = subject,
            ["iat"] = exp.AddHours(-1).ToUnixTimeSeconds(),
            ["nbf"] = exp.AddHours(-1).ToUnixTimeSeconds(),
            ["exp"] = exp.ToUnixTimeSeconds(),
        };
        // 'scope' is the RFC 8693/9068 space-separated string; 'scp' the array some issuers (Entra, Okta) send.
        payload[scopes is string ? "scope" : "scp"] = scopes;
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = (signer ?? _key).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public HttpClient Http(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }
}
