using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace MtMcp.Gateways.Tests;

/// <summary>
/// A simulated EA: a TCP client that writes and reads raw protocol lines, built from the protocol text (not from
/// the server's serializer), so the tests check the wire format itself.
/// </summary>
internal sealed class FakeEa : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private readonly StreamReader _reader;
    private NetworkStream _stream = null!;

    private FakeEa(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, new UTF8Encoding(false));
    }

    public static async Task<FakeEa> ConnectAsync(IPEndPoint server)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server);
        return new FakeEa(client);
    }

    public static string Hello(string token = "secret", int proto = 1, ulong login = 123456, string tradeMode = "ACCOUNT_TRADE_MODE_DEMO", int offset = 7200) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$$$"""{"v":1,"type":"hello","id":"e-1","data":{"token":"{{{{token}}}}","proto":{{{{proto}}}},"platform":"MT5","ea_version":"1.0.0","terminal_build":4620,"account":{"login":{{{{login}}}},"server":"Broker-Demo","company":"Broker Ltd","currency":"USD","trade_mode":"{{{{tradeMode}}}}","margin_mode":"ACCOUNT_MARGIN_MODE_RETAIL_HEDGING","leverage":100},"server_time_offset_s":{{{{offset}}}},"caps":["ticks","trade","trade_tx"],"limits":{"max_line":1048576}}}""");

    public Task SendRawAsync(string text) => _stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    public Task SendAsync(string line) => SendRawAsync(line + "\n");

    /// <summary>The next line as JSON, or null at end of stream; fails the test after 10 s.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        var line = await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>The next line of <paramref name="type"/>, skipping pings.</summary>
    public async Task<JsonObject> ReceiveAsync(string type)
    {
        while (true)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException($"Connection closed while waiting for '{type}'.");
            if ((string?)message["type"] == type)
            {
                return message;
            }
        }
    }

    public Task RespondAsync(JsonObject request, string data) =>
        SendAsync($$"""{"v":1,"type":"res","re":"{{(string?)request["id"]}}","ok":true,"data":{{data}}}""");

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
