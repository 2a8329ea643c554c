using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Gateways.Bridge;
using MtMcp.Testing.Bridge;

namespace MtMcp.Benchmarks;

/// <summary>
/// The MetaTrader bridge on loopback: tick events from a simulated EA through the socket, framing, parsing, the
/// session and the gateway into a subscriber; and a market order from the gateway to the simulated EA (which executes
/// it on the engine's venue) and back.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class BridgeGatewayBenchmarks
{
    private const int Ticks = 20_000;

    // 2024-06-10 10:00:01 UTC, a Monday inside forex hours.
    private const long T0 = 1_718_013_601_000;

    // The seq field is padded with spaces (JSON whitespace) so each invocation patches the numbers in place.
    private const int SeqWidth = 12;

    private readonly CountingListener _counter = new();
    private BridgeListener _listener = null!;
    private BridgeAccounts _accounts = null!;
    private SimulatedEa _ea = null!;
    private BridgeBrokerGateway _gateway = null!;
    private byte[] _burst = null!;
    private int[] _seqOffsets = null!;
    private IDisposable _registration = null!;
    private TradeRequest _buy = null!;
    private TradeRequest _sell = null!;
    private long _orders;

    [GlobalSetup]
    public void Setup()
    {
        var options = new BridgeOptions { Token = "bench", Listen = new IPEndPoint(IPAddress.Loopback, 0), TradingEnabled = true, EventBufferCapacity = 100_000 };
        _listener = new BridgeListener(options, TimeProvider.System, NullLogger<BridgeListener>.Instance);
        _listener.Start();
        _accounts = new BridgeAccounts(_listener.Sessions, options, TimeProvider.System, NullLogger.Instance);

        // Netting, so the benchmark's buy and sell alternately open and close one position: the account stays small.
        var terminal = new SimulatedTerminal(9001, hedging: false);
        terminal.Quote("EURUSD", 1.08510, 1.08512, T0);
        _ea = new SimulatedEa(terminal, _listener.LocalEndPoint, "bench");
        _ea.StartAsync().GetAwaiter().GetResult();
        var key = new BridgeAccountKey("MT5", "Broker-Demo", 9001);
        while (!_accounts.TryGet(key, out _gateway!))
        {
            Thread.Sleep(5);
        }

        _gateway.SubscribeAsync("EURUSD").GetAwaiter().GetResult();
        _registration = _gateway.Listen(_counter);
        BuildBurst();
        _buy = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m };
        _sell = _buy with { Type = OrderType.Sell };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _registration.Dispose();
        _ea.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _accounts.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Ticks)]
    [Headline("bridge tick events into a gateway subscriber (events/s)", HeadlineUnit.ItemsPerSecond, 200_000)]
    public async Task TickEvents()
    {
        var target = Interlocked.Read(ref _counter.Count) + Ticks;
        PatchSeq(_ea.ReserveSeq(Ticks));
        await _ea.SendRawAsync(_burst).ConfigureAwait(false);
        var spins = new SpinWait();
        while (Interlocked.Read(ref _counter.Count) < target)
        {
            spins.SpinOnce(sleep1Threshold: -1);
        }
    }

    [Benchmark]
    [Headline("bridge order round trip to the simulated EA (ms)", HeadlineUnit.Milliseconds, 0.3)]
    public Task<TradeResult> OrderRoundTrip()
    {
        var n = ++_orders;
        var request = (n % 2 == 0 ? _sell : _buy) with { ClientOrderId = "bench-" + n.ToString(CultureInfo.InvariantCulture) };
        return _gateway.SendAsync(request, TradeOrigin.Local);
    }

    private void BuildBurst()
    {
        var text = new StringBuilder();
        var offsets = new List<int>(Ticks);
        for (var i = 0; i < Ticks; i++)
        {
            var bid = 1.08500 + ((i % 50) * 0.00001);
            var head = "{\"v\":1,\"type\":\"evt\",\"op\":\"tick\",\"seq\":";
            offsets.Add(text.Length + head.Length);   // ASCII: characters are bytes
            text.Append(head).Append(' ', SeqWidth)
                .Append(CultureInfo.InvariantCulture, $",\"ts\":0,\"data\":{{\"symbol\":\"EURUSD\",\"time_msc\":{T0 + 7_200_000 + i},\"bid\":{bid:F5},\"ask\":{bid + 0.00002:F5},\"last\":0,\"volume_real\":0,\"flags\":6}}}}\n");
        }

        _burst = Encoding.UTF8.GetBytes(text.ToString());
        _seqOffsets = [.. offsets];
    }

    private void PatchSeq(long first)
    {
        Span<byte> digits = stackalloc byte[SeqWidth];
        for (var i = 0; i < _seqOffsets.Length; i++)
        {
            digits.Fill((byte)' ');
            var value = first + i;
            var at = SeqWidth;
            do
            {
                digits[--at] = (byte)('0' + (value % 10));
                value /= 10;
            }
            while (value > 0);

            digits.CopyTo(_burst.AsSpan(_seqOffsets[i], SeqWidth));
        }
    }

    private sealed class CountingListener : IBrokerListener
    {
        public long Count;

        public void OnQuote(string symbol, in Tick tick) => Interlocked.Increment(ref Count);

        public void OnTradeChange(BrokerTradeChange change)
        {
        }
    }
}
