using BenchmarkDotNet.Attributes;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Risk;

namespace MtMcp.Benchmarks;

/// <summary>
/// The pre-trade gate on an allowed order (every check, correlation included) for an account holding 100 positions over
/// ten symbols, and the risk report's statistics (three VaR/ES methods with 10,000 Monte Carlo scenarios, the
/// correlation matrix, EWMA volatilities) for 50 symbols × 250 days.
/// </summary>
[MemoryDiagnoser]
public class RiskBenchmarks
{
    private const int Factors = 50;
    private const int Days = 250;

    private static readonly string[] s_symbols = ["EURUSD", "GBPUSD", "USDJPY", "USDCHF", "AUDUSD", "USDCAD", "NZDUSD", "EURGBP", "EURJPY", "XAUUSD"];

    private readonly RiskReportOptions _options = new() { Confidence = 0.99, Simulations = 10_000, Seed = 1 };
    private TradingAccount _account = null!;
    private PreTradeGate _gate = null!;
    private TradeRequest _order = null!;
    private TradeOrigin _origin = null!;
    private double[] _exposures = [];
    private ReadOnlyMemory<double>[] _returns = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 1, 7, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        var random = new Random(3);
        var table = new ReturnSeriesTable();
        foreach (var spec in SymbolCatalog.BuiltIn)
        {
            var price = spec.Name switch { "USDJPY" or "EURJPY" => 150.0, "XAUUSD" => 2000.0, _ => 1.1 };
            board.Update(board.TryGetId(spec.Name, out var id) ? id : -1, price, price + spec.TickSize, start);
            table.Set(spec.Name, [.. Enumerable.Range(0, Days).Select(_ => (random.NextDouble() - 0.5) * 0.02)]);
        }

        _account = new TradingAccount("bench", new AccountSettings
        {
            Info = new AccountInfo { Login = 1, Server = "bench", Currency = "USD", Leverage = 500, TradeMode = AccountTradeMode.Demo, MarginMode = AccountMarginMode.RetailHedging },
        }, board, 100_000_000m, start);
        for (var i = 0; i < 100; i++)
        {
            _account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = s_symbols[i % s_symbols.Length], Type = i % 3 == 0 ? OrderType.Sell : OrderType.Buy, Volume = 0.1m });
        }

        var limits = new RiskLimits { MaxOpenPositions = 1000, MaxOrdersPerMinute = 0, MaxOrdersPerDay = 0, RepeatedExecutionCount = 0, CorrelationLimit = 0.99, PositionSizePercent = 100_000 };
        _gate = new PreTradeGate(RiskConfiguration.Create(limits), table);
        _order = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, Price = 1.1 };
        _origin = new TradeOrigin("bench", "bench");
        if (!_gate.Evaluate(_account, _order, _origin).Allowed)
        {
            throw new InvalidOperationException("The benchmark order must pass the gate.");
        }

        _exposures = [.. Enumerable.Range(0, Factors).Select(i => (i % 2 == 0 ? 1 : -1) * 10_000.0 * (i + 1))];
        _returns = [.. Enumerable.Range(0, Factors).Select(_ => (ReadOnlyMemory<double>)Enumerable.Range(0, Days).Select(_ => (random.NextDouble() - 0.5) * 0.02).ToArray())];
    }

    [Benchmark]
    [Headline("Risk: pre-trade gate, 100 open positions", HeadlineUnit.ItemsPerSecond, 200e3)]
    public GateDecision GateAllowedOrder() => _gate.Evaluate(_account, _order, _origin);

    /// <summary>The loss-limit watch the paper venue runs on every quote (100 positions, below the peak, far from the limits).</summary>
    [Benchmark]
    public bool GateOnQuote() => _gate.OnQuote(_account);

    /// <summary>The engine's exact equity valuation the gate needs once per order: the floor of the gate's cost.</summary>
    [Benchmark]
    public double AccountSnapshot() => _account.Snapshot().Equity;

    [Benchmark]
    [Headline("Risk: risk report, 50 symbols x 250 days", HeadlineUnit.Milliseconds, 50)]
    public double RiskReport50x250()
    {
        var var = PortfolioRisk.ValueAtRisk(_exposures, _returns, _options);
        var correlation = PortfolioRisk.CorrelationMatrix(_returns);
        double volatility = 0;
        foreach (var series in _returns)
        {
            volatility += RiskMath.EwmaVolatility(series.Span);
        }

        return var.MonteCarloEs + correlation[1] + volatility;
    }
}
