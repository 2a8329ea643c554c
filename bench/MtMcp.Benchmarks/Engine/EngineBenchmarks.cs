using BenchmarkDotNet.Attributes;
using MtMcp.Domain;
using MtMcp.Engine;

namespace MtMcp.Benchmarks;

/// <summary>
/// The trading kernel's hot paths: a tick through the venue into an account (empty, and holding 1,000 positions and
/// pending orders spread over four symbols, half of them on the ticking one, none near a trigger), and a market
/// order from request to filled position.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Ticks = 100_000;
    private const int Orders = 1_000;
    private const int WalkLength = 4096;

    // Tuesday 7 January 2025, 10:00 UTC: inside every forex session.
    private static readonly long s_start = new DateTimeOffset(2025, 1, 7, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly (string Symbol, double Bid, double Spread)[] s_market =
    [
        ("EURUSD", 1.10000, 0.00010), ("GBPUSD", 1.27000, 0.00020), ("USDJPY", 150.000, 0.010), ("XAUUSD", 2000.00, 0.25),
    ];

    private readonly double[] _bids = new double[WalkLength];
    private readonly double[] _asks = new double[WalkLength];
    private SimulatedVenue _empty = null!;
    private SimulatedVenue _loaded = null!;
    private QuoteBoard _orderBoard = null!;
    private int _eurusd;
    private long _time;
    private TradeRequest _buy = null!;
    private TradeRequest _sell = null!;

    [GlobalSetup]
    public void Setup()
    {
        _empty = NewVenue();
        _empty.Open("empty", Settings(AccountMarginMode.RetailHedging), 1_000_000m, s_start);
        _loaded = NewVenue();
        Load(_loaded.Open("loaded", Settings(AccountMarginMode.RetailHedging), 1_000_000_000m, s_start));
        _orderBoard = NewVenue().Quotes;
        _eurusd = _loaded.Quotes.TryGetId("EURUSD", out var id) ? id : throw new InvalidOperationException("EURUSD is missing.");
        _time = s_start;

        // A bounded random walk of ±20 points around 1.10000: close to the market, far from every trigger.
        var random = new Random(7);
        var points = 0;
        for (var i = 0; i < WalkLength; i++)
        {
            points = Math.Clamp(points + random.Next(-2, 3), -20, 20);
            _bids[i] = Math.Round(1.10000 + (points * 0.00001), 5);
            _asks[i] = Math.Round(_bids[i] + 0.00010, 5);
        }

        _buy = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m };
        _sell = _buy with { Type = OrderType.Sell };
    }

    /// <summary>Ticks through a venue whose one account has no orders; reported per tick.</summary>
    [Benchmark(OperationsPerInvoke = Ticks)]
    [Headline("Engine: ticks, no orders", HeadlineUnit.ItemsPerSecond, 20e6)]
    public long TicksNoOrders() => Feed(_empty);

    /// <summary>Ticks through a venue whose account holds 500 positions with SL/TP and 500 pending orders; reported per tick.</summary>
    [Benchmark(OperationsPerInvoke = Ticks)]
    [Headline("Engine: ticks, 1,000 positions/orders", HeadlineUnit.ItemsPerSecond, 2e6)]
    public long TicksThousandOrders() => Feed(_loaded);

    /// <summary>
    /// Market orders on a fresh netting account, alternately opening and closing a position: request → validation
    /// (margin) → deal → position → events; reported per order (target &lt; 2 µs, i.e. ≥ 500 k/s).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Orders)]
    [Headline("Engine: market order submit to position", HeadlineUnit.ItemsPerSecond, 500e3)]
    public ulong MarketOrder() => SubmitOrders();

    private long Feed(SimulatedVenue venue)
    {
        var time = _time;
        for (var i = 0; i < Ticks; i++)
        {
            var k = i & (WalkLength - 1);
            venue.OnTick(_eurusd, new Tick(++time, _bids[k], _asks[k], 0, 0, TickFlags.Bid | TickFlags.Ask));
        }

        _time = time;
        return time;
    }

    private ulong SubmitOrders()
    {
        var account = new TradingAccount("orders", Settings(AccountMarginMode.RetailNetting), _orderBoard, 1_000_000m, s_start);
        ulong last = 0;
        for (var i = 0; i < Orders; i++)
        {
            last = account.Send((i & 1) == 0 ? _buy : _sell).Deal;
            account.Changes.Clear();
        }

        return last;
    }

    private static SimulatedVenue NewVenue()
    {
        var venue = new SimulatedVenue(SymbolCatalog.BuiltIn);
        foreach (var (symbol, bid, spread) in s_market)
        {
            venue.Quotes.TryGetId(symbol, out var id);
            venue.OnTick(id, new Tick(s_start, bid, bid + spread, 0, 0, TickFlags.Bid | TickFlags.Ask));
        }

        return venue;
    }

    private static AccountSettings Settings(AccountMarginMode mode) => new()
    {
        Info = new AccountInfo
        {
            Login = 1, Server = "bench", Currency = "USD", Leverage = 100, TradeMode = AccountTradeMode.Demo, MarginMode = mode,
        },
    };

    /// <summary>500 positions and 500 pending orders, half on EURUSD, all 5 % or more away from the market.</summary>
    private static void Load(TradingAccount account)
    {
        for (var i = 0; i < 1000; i++)
        {
            var (symbol, bid, _) = s_market[i % 2 == 0 ? 0 : 1 + (i / 2 % 3)];
            account.Quotes.TryGetId(symbol, out var id);
            var spec = account.Quotes.Spec(id);
            double Away(double factor) => spec.NormalizePrice(bid * factor);
            var buy = i / 2 % 2 == 0;
            var request = i < 500
                ? new TradeRequest
                {
                    Action = TradeAction.Deal, Symbol = symbol, Type = buy ? OrderType.Buy : OrderType.Sell, Volume = 0.1m,
                    StopLoss = Away(buy ? 0.95 : 1.05), TakeProfit = Away(buy ? 1.05 : 0.95),
                }
                : new TradeRequest
                {
                    Action = TradeAction.Pending, Symbol = symbol, Volume = 0.1m,
                    Type = (i % 4) switch { 0 => OrderType.BuyLimit, 1 => OrderType.SellLimit, 2 => OrderType.BuyStop, _ => OrderType.SellStop },
                    Price = Away((i % 4) is 0 or 3 ? 0.95 : 1.05),
                };
            var result = account.Send(request);
            if (result.Retcode != TradeRetcode.Done)
            {
                throw new InvalidOperationException($"Setup order {i} was rejected: {result.Message}");
            }
        }

        account.Changes.Clear();
    }
}
