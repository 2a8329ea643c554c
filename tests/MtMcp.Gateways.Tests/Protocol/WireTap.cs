using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>
/// A loopback TCP relay between an EA and the server that records every complete line in each direction, so the
/// traffic of two independent implementations can be checked against the schemas.
/// </summary>
internal sealed class WireTap : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly List<TcpClient> _clients = [];

    public WireTap(IPEndPoint server)
    {
        _server = server;
        _listener.Start();
        _pumps.Add(AcceptAsync());
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Lines in arrival order: (true = EA to server, text).</summary>
    public ConcurrentQueue<(bool FromEa, string Line)> Lines { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        await Task.WhenAll(_pumps.ToArray()).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var ea = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(_server, _stop.Token);
                lock (_clients)
                {
                    _clients.Add(ea);
                    _clients.Add(server);
                    _pumps.Add(PumpAsync(ea, server, fromEa: true));
                    _pumps.Add(PumpAsync(server, ea, fromEa: false));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool fromEa)
    {
        var buffer = new byte[64 * 1024];
        var pending = new List<byte>();
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            int read;
            while ((read = await input.ReadAsync(buffer, _stop.Token)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        Lines.Enqueue((fromEa, Encoding.UTF8.GetString([.. pending]).TrimEnd('\r')));
                        pending.Clear();
                    }
                    else
                    {
                        pending.Add(buffer[i]);
                    }
                }

                await output.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            // Half of the relay ended: end the other side too, as a direct connection would.
            to.Dispose();
        }
    }
}
