using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Live;

namespace MtMcp.Server.Market;

/// <summary>
/// A broker account (bridge or MetaApi) as a live strategy trades it: orders go through <see cref="BrokerOrderPath"/>
/// (the risk gate and the audit chain, as the trading tools' orders), reads come from one view of the broker's account
/// per step (<see cref="BrokerOrderPath.ReadStrategyViewAsync"/>), quotes from the gateway's stream.
/// </summary>
/// <remarks>
/// Every call blocks its thread until the broker answered (the live strategy's own thread, see
/// <c>BrokerStrategyRun</c>). Reads are bounded by <see cref="ReadTimeout"/>; sends by the gateway's own time-outs, as a
/// send once handed over is never abandoned. One instance per strategy: not thread-safe.
/// </remarks>
[Mutable]
internal sealed class BrokerStrategyAccount(IBrokerGateway gateway, BrokerOrderPath orderPath, TimeProvider time) : IStrategyAccount
{
    /// <summary>How long a read of the broker may take before the step is given up.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_clockSlack = TimeSpan.FromHours(1);

    private TradingAccount? _view;

    public string Name => gateway.Name;

    public string Venue => gateway.Venue;

    // The broker's own specification (read once per account and kept): the one its orders are sized and checked with.
    public SymbolSpec Spec(string symbol)
    {
        try
        {
            return Wait(deadline => orderPath.Symbols.GetAsync(gateway, symbol, deadline));
        }
        catch (BrokerSymbolException e)
        {
            throw new ArgumentException($"{e.Message} A strategy cannot size or check its orders on {Name} without it.", nameof(symbol), e);
        }
    }

    public IDisposable? ListenQuotes(string symbol, Action<Tick> onQuote)
    {
        var registration = gateway.Listen(new QuoteListener(symbol, onQuote));
        try
        {
            Wait(async deadline =>
            {
                await gateway.SubscribeAsync(symbol, deadline).ConfigureAwait(false);
                return true;
            });
            return registration;
        }
        catch
        {
            registration.Dispose();
            throw;
        }
    }

    public T Read<T>(Func<TradingAccount, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            _view ??= Wait(deadline => orderPath.ReadStrategyViewAsync(gateway, deadline));
        }
        catch (InvalidOperationException e)
        {
            // A held position without a quote yet: the step is given up, as when the broker does not answer.
            throw new GatewayUnavailableException($"The account cannot be valued ({e.Message}).", e);
        }

        return read(_view);
    }

    public void Refresh() => _view = null;

    // Once handed over, a send or a flatten is seen through: the gateway's own time-outs end it, never this thread.
    public TradeResult Send(TradeRequest request, TradeOrigin origin) =>
        orderPath.SendAsync(gateway, request, origin, CancellationToken.None).GetAwaiter().GetResult();

    public void Flatten(ulong magic, TradeOrigin origin)
    {
        orderPath.CancelAllAsync(gateway, new OrderFilter(Magic: magic), origin, CancellationToken.None).GetAwaiter().GetResult();
        orderPath.CloseAllAsync(gateway, new PositionFilter(Magic: magic), origin, CancellationToken.None).GetAwaiter().GetResult();
    }

    public StrategyBook Book(ulong magic, long sinceMs)
    {
        var positions = Wait(deadline => gateway.GetPositionStatesAsync(null, deadline)).Where(p => p.Position.Magic == magic).ToList();
        // The broker's clock and ours may differ by seconds: an hour's slack either side keeps the strategy's deals in.
        var slack = (long)s_clockSlack.TotalMilliseconds;
        var query = new HistoryQuery(sinceMs - slack, time.GetUtcNow().ToUnixTimeMilliseconds() + slack, Magic: magic);
        var deals = Wait(deadline => gateway.GetDealsAsync(query, deadline)).Where(d => d.Magic == magic && d.Type != DealType.Balance).ToList();
        return new StrategyBook(
            positions, positions.Sum(p => p.Profit + (double)p.Position.Swap), deals.Sum(d => d.Profit + d.Swap + d.Commission), deals.Count);
    }

    // The caller's thread is there to wait (see the remarks); a broker that did not answer in time is unavailable.
    private static T Wait<T>(Func<CancellationToken, Task<T>> read)
    {
        using var deadline = new CancellationTokenSource(ReadTimeout);
        try
        {
            return read(deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
        {
            throw new GatewayUnavailableException($"The broker did not answer within {ReadTimeout.TotalSeconds:0} s.", e);
        }
    }

    /// <summary>Passes on the quotes of one symbol.</summary>
    private sealed class QuoteListener(string symbol, Action<Tick> onQuote) : IBrokerListener
    {
        public void OnQuote(string quoted, in Tick tick)
        {
            if (quoted.Equals(symbol, StringComparison.OrdinalIgnoreCase))
            {
                onQuote(tick);
            }
        }

        public void OnTradeChange(BrokerTradeChange change)
        {
            // The strategy reads the account again on its next step.
        }
    }
}
