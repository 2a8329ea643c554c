using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using MtMcp.Testing.Bridge;

namespace MtMcp.Gateways.Tests;

/// <summary>A bridge listener on an ephemeral loopback port, its account directory, and simulated terminals connected to it.</summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    /// <summary>2024-06-10 10:00:01 UTC, a Monday inside forex hours.</summary>
    public const long T0 = 1_718_013_601_000;

    private readonly List<SimulatedEa> _eas = [];

    public BridgeHarness(BridgeOptions? options = null)
    {
        Options = options ?? Default();
        Listener = new BridgeListener(Options, TimeProvider.System, NullLogger<BridgeListener>.Instance);
        Listener.Start();
        Accounts = new BridgeAccounts(Listener.Sessions, Options, TimeProvider.System, NullLogger.Instance);
    }

    public BridgeOptions Options { get; }

    public BridgeListener Listener { get; }

    public BridgeAccounts Accounts { get; }

    public static BridgeOptions Default() => new()
    {
        Token = "secret",
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        TradingEnabled = true,
        DefaultDeadline = TimeSpan.FromSeconds(3),
        ReconcileGrace = TimeSpan.FromMilliseconds(100),
        ReconcileTimeout = TimeSpan.FromSeconds(20),
    };

    public static BridgeAccountKey Key(ulong login) => new("MT5", "Broker-Demo", login);

    /// <summary>A terminal with a EURUSD quote, its EA connected, and the account's gateway.</summary>
    public async Task<(SimulatedTerminal Terminal, SimulatedEa Ea, BridgeBrokerGateway Gateway)> ConnectAsync(
        ulong login = 1001, string tradeMode = "ACCOUNT_TRADE_MODE_DEMO", string token = "secret")
    {
        var terminal = new SimulatedTerminal(login, tradeMode);
        terminal.Quote("EURUSD", 1.08510, 1.08512, T0);
        var ea = Start(terminal, token);
        await ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return (terminal, ea, await GatewayAsync(Key(login)));
    }

    public SimulatedEa Start(SimulatedTerminal terminal, string token = "secret")
    {
        var ea = new SimulatedEa(terminal, Listener.LocalEndPoint, token);
        _eas.Add(ea);
        return ea;
    }

    public async Task<BridgeBrokerGateway> GatewayAsync(BridgeAccountKey key)
    {
        await Poll.UntilAsync(() => Accounts.TryGet(key, out _), "the account's gateway exists");
        Accounts.TryGet(key, out var gateway);
        return gateway!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ea in _eas)
        {
            await ea.DisposeAsync();
        }

        await Accounts.DisposeAsync();
        await Listener.DisposeAsync();
    }
}

/// <summary>Polling with a deadline instead of sleeping.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var until = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > until)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>Records what a gateway streams.</summary>
internal sealed class RecordingListener : IBrokerListener
{
    public ConcurrentQueue<(string Symbol, Tick Tick)> Quotes { get; } = new();

    public ConcurrentQueue<BrokerTradeChange> Changes { get; } = new();

    public void OnQuote(string symbol, in Tick tick) => Quotes.Enqueue((symbol, tick));

    public void OnTradeChange(BrokerTradeChange change) => Changes.Enqueue(change);
}
