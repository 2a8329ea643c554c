using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;

namespace MtMcp.Server.Tests;

/// <summary>
/// The real server process as an OAuth 2.1 resource server, driven with JWTs signed in the test: scopes decide what a
/// token can see and do, and every token the server must not trust gets 401 with the resource-metadata challenge.
/// </summary>
public sealed class OAuthHttpEndToEndTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    [Fact]
    public async Task ProtectedResourceMetadata_NamesTheAuthorizationServerAndTheResource()
    {
        using var http = server.Http(null);
        var metadata = await http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource/mcp", TestContext.Current.CancellationToken);
        Assert.Equal(server.Audience, metadata.GetProperty("resource").GetString());
        Assert.Equal([OAuthServer.Issuer], metadata.GetProperty("authorization_servers").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["mt.read", "mt.trade", "mt.admin"], metadata.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ReadToken_ListsOnlyReadToolsAndCannotPlaceAnOrder()
    {
        var token = server.Token("alice", "mt.read");
        await using var transport = Transport(token);
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var names = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToList();
        Assert.Contains("get_quote", names);
        Assert.Contains("get_positions", names);
        Assert.DoesNotContain("place_order", names);
        Assert.DoesNotContain("close_position", names);
        Assert.DoesNotContain("kill_switch", names);

        var refused = await client.CallToolAsync("place_order", new Dictionary<string, object?>
        {
            ["symbol"] = "BTCUSD", ["side"] = "buy", ["volume"] = 0.01, ["client_order_id"] = "oauth-read",
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(refused.IsError);
        Assert.Contains("UNAUTHORIZED", ServerHarness.Text(refused), StringComparison.Ordinal);
        var positions = await client.CallToolAsync("get_positions", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(positions.IsError != true, ServerHarness.Text(positions));
        Assert.DoesNotContain("oauth-read", ServerHarness.Text(positions), StringComparison.Ordinal);

        // REST applies the same scopes.
        using var http = server.Http(token);
        using var response = await http.PostAsJsonAsync("/api/v1/tools/place_order",
            new { symbol = "BTCUSD", side = "buy", volume = 0.01, client_order_id = "oauth-read-rest" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TradeToken_PlacesAndClosesAPosition()
    {
        // The 'scp' array form, without mt.read: trade includes read.
        await using var transport = Transport(server.Token("bob", new[] { "mt.trade" }));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var names = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToList();
        Assert.Contains("place_order", names);
        Assert.Contains("get_quote", names);
        Assert.DoesNotContain("kill_switch", names);

        var placed = await client.CallToolAsync("place_order", new Dictionary<string, object?>
        {
            ["symbol"] = "BTCUSD", ["side"] = "buy", ["volume"] = 0.01, ["client_order_id"] = "oauth-trade", ["comment"] = "oauth",
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(placed.IsError != true, ServerHarness.Text(placed));
        var result = placed.StructuredContent!.Value.GetProperty("result");
        Assert.Equal("filled", result.GetProperty("outcome").GetString());
        var closed = await client.CallToolAsync("close_position", new Dictionary<string, object?> { ["ticket"] = result.GetProperty("position").GetInt64() },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(closed.IsError != true, ServerHarness.Text(closed));
        Assert.Equal("filled", closed.StructuredContent!.Value.GetProperty("result").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task UntrustedTokens_Get401WithTheResourceMetadataChallenge()
    {
        using var otherKey = RSA.Create(2048);
        var tokens = new Dictionary<string, string>
        {
            ["wrong audience"] = server.Token("mallory", "mt.trade", audience: "https://other.example.test/mcp"),
            ["expired"] = server.Token("mallory", "mt.trade", expires: DateTimeOffset.UtcNow.AddHours(-1)),
            ["bad signature"] = server.Token("mallory", "mt.trade", signer: otherKey),
            ["wrong issuer"] = server.Token("mallory", "mt.trade", issuer: "https://evil.example.test/"),
            ["tampered"] = Tamper(server.Token("mallory", "mt.read")),
        };
        foreach (var (what, token) in tokens)
        {
            using var http = server.Http(token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
            {
                Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {response.StatusCode}");
            var challenge = response.Headers.WwwAuthenticate.ToString();
            Assert.Contains("resource_metadata=\"" + server.BaseUri + ".well-known/oauth-protected-resource/mcp\"", challenge, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/tools/get_quote?symbols=EURUSD", TestContext.Current.CancellationToken)).StatusCode);
        }

        // A valid token passes the same request, so the refusals above are the token's fault.
        using var valid = server.Http(server.Token("alice", "mt.read"));
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/api/v1/tools/get_quote?symbols=EURUSD", TestContext.Current.CancellationToken)).StatusCode);

        // The failures are logged (at debug level), yet no token, no signature, nothing of one reaches the server's log.
        Assert.Contains("was not authenticated", server.Log, StringComparison.Ordinal);
        foreach (var token in tokens.Values)
        {
            Assert.DoesNotContain(token.Split('.')[2], server.Log, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[1], server.Log, StringComparison.Ordinal);
        }
    }

    private HttpClientTransport Transport(string token) => new(new HttpClientTransportOptions
    {
        Endpoint = server.Mcp,
        AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
    });

    // Raises the scope in the payload and keeps the signature: what a client forging its own rights would send.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("mt.read", "mt.admin", StringComparison.Ordinal);
        return parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
    }
}
