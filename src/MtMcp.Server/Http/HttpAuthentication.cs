using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.AspNetCore.Authentication;

namespace MtMcp.Server.Http;

/// <summary>
/// HTTP authentication: API keys (<c>X-Api-Key</c> header, or <c>Authorization: Bearer</c> with a key) checked against
/// SHA-256 hashes in constant time, and OAuth 2.1 bearer JWTs validated as a resource server (issuer, signature,
/// lifetime, audience = this server). An unauthenticated request gets 401 with
/// <c>WWW-Authenticate: Bearer resource_metadata="…/.well-known/oauth-protected-resource/mcp"</c> (RFC 9728).
/// Per-caller rate limits use ASP.NET Core rate limiting. Keys and tokens never reach a log.
/// </summary>
internal static class HttpAuthentication
{
    /// <summary>The policy scheme that picks API key or JWT per request.</summary>
    public const string Scheme = "mtmcp";

    /// <summary>The API key scheme.</summary>
    public const string ApiKeyScheme = "mtmcp-api-key";

    /// <summary>The rate-limit policy name.</summary>
    public const string RateLimitPolicy = "per-caller";

    /// <summary>Registers authentication, authorization and rate limiting for <paramref name="auth"/>.</summary>
    public static void AddMtMcpHttpAuthentication(this IServiceCollection services, HttpAuthSettings auth)
    {
        var builder = services.AddAuthentication(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultChallengeScheme = McpAuthenticationDefaults.AuthenticationScheme;
        });
        builder.AddPolicyScheme(Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
            auth.OAuth is not null && BearerToken(context.Request) is { } token && token.Count(c => c == '.') == 2 && !context.Request.Headers.ContainsKey("X-Api-Key")
                ? JwtBearerDefaults.AuthenticationScheme
                : ApiKeyScheme);
        builder.AddScheme<ApiKeyOptions, ApiKeyHandler>(ApiKeyScheme, o => o.Keys = auth.ApiKeys);
        if (auth.OAuth is { } oauth)
        {
            builder.AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters.ValidIssuer = oauth.Issuer;
                o.TokenValidationParameters.ValidAudience = oauth.Audience;
                o.TokenValidationParameters.NameClaimType = "sub";
                if (oauth.JwksFile is { } file)
                {
                    o.TokenValidationParameters.IssuerSigningKeys = new JsonWebKeySet(File.ReadAllText(file)).GetSigningKeys();
                }
                else
                {
                    o.Authority = oauth.Issuer;
                }

                o.Events = new JwtBearerEvents { OnTokenValidated = context => MapScopes(context.Principal) };
            });
        }

        builder.AddMcp(o =>
        {
            o.ResourceMetadata = new()
            {
                ResourceName = "MetaTrader MCP Server",
                ScopesSupported = [HttpScopes.OAuthName(HttpScopes.Read), HttpScopes.OAuthName(HttpScopes.Trade), HttpScopes.OAuthName(HttpScopes.Admin)],
                BearerMethodsSupported = ["header"],
            };
            if (auth.OAuth is { } oauth)
            {
                o.ResourceMetadata.Resource = oauth.Audience;
                o.ResourceMetadata.AuthorizationServers.Add(oauth.Issuer);
            }
        });
        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await RestApi.WriteErrorAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, new ToolError(ToolErrorCodes.RateLimited,
                    "Too many requests for this credential; wait for the time in Retry-After and slow down.", Retryable: true)).ConfigureAwait(false);
            };
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var user = context.User;
                var caller = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "?" : "anonymous";
                var perMinute = user.FindFirst(RateClaim)?.Value is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : auth.RequestsPerMinute;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(perMinute / 6, 10),
                    TokensPerPeriod = Math.Max(perMinute / 60, 1),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
    }

    /// <summary>The claim carrying a key's own rate limit.</summary>
    public const string RateClaim = "mtmcp_rate_per_minute";

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    // OAuth scopes (space-separated 'scope' or repeated 'scp') become the server's scope claims.
    private static Task MapScopes(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is ClaimsIdentity identity)
        {
            var granted = identity.FindAll("scope").Concat(identity.FindAll("scp")).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            foreach (var scope in new[] { HttpScopes.Read, HttpScopes.Trade, HttpScopes.Admin })
            {
                if (granted.Contains(HttpScopes.OAuthName(scope), StringComparer.Ordinal))
                {
                    identity.AddClaim(new Claim(HttpScopes.ClaimType, scope));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The configured API keys.</summary>
    internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
    {
        public IReadOnlyList<ApiKeySettings> Keys { get; set; } = [];
    }

    /// <summary>Checks an API key against the configured hashes.</summary>
    internal sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var key = Request.Headers["X-Api-Key"].ToString();
            if (key.Length == 0)
            {
                key = BearerToken(Request) ?? "";
            }

            if (key.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
            ApiKeySettings? match = null;
            // Compare with every key, always: the time taken says nothing about which key (or how much of one) matched.
            foreach (var candidate in Options.Keys)
            {
                if (CryptographicOperations.FixedTimeEquals(hash, candidate.Sha256))
                {
                    match = candidate;
                }
            }

            if (match is null)
            {
                return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
            }

            var claims = new List<Claim> { new(ClaimTypes.Name, match.Name), new(ClaimTypes.NameIdentifier, "key:" + match.Name) };
            claims.AddRange(match.Scopes.Select(s => new Claim(HttpScopes.ClaimType, s)));
            if (match.RequestsPerMinute is { } limit)
            {
                claims.Add(new Claim(RateClaim, limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyScheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyScheme)));
        }
    }
}
