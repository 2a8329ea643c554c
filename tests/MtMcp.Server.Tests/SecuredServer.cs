using System.Security.Cryptography;
using System.Text;

namespace MtMcp.Server.Tests;

/// <summary>
/// One real <c>mtmcp serve --http</c> process with API keys configured (a read key and a trade key), shared by the
/// tests of the HTTP surfaces so the demo market starts once.
/// </summary>
public sealed class SecuredServer : IAsyncLifetime
{
    public const string ReadKey = "mtk_read_8d1f0c9e7b6a";
    public const string TradeKey = "mtk_trade_2b7e41a9c3f5";

    private readonly HttpServerProcess _server = new();

    public Uri BaseUri => _server.BaseUri;

    public Uri Mcp => _server.Mcp;

    public string Log => _server.Log;

    public HttpClient Http(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask InitializeAsync() =>
        await _server.StartAsync($$"""
            {
              "server": {
                "auth": {
                  "api_keys": [
                    { "name": "reader", "sha256": "{{Hash(ReadKey)}}", "scopes": ["read"] },
                    { "name": "trader", "sha256": "{{Hash(TradeKey)}}", "scopes": ["read", "trade"], "requests_per_minute": 100000 }
                  ]
                },
                "update_interval_ms": 100
              }
            }
            """, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
