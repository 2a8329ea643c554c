using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Domain;
using DemoMarketModel = MtMcp.DemoMarket.DemoMarket;

namespace MtMcp.Server.Market;

/// <summary>
/// The latest quote of every symbol on the live demo market: primed at start with the last tick of the past ten
/// minutes (or, for a shut market, the close of its last minute bar, as a terminal shows over a weekend), then kept
/// up to date by the market's real-time tick stream.
/// </summary>
/// <remarks>
/// <para>
/// Priming runs in the background, so the server answers <c>initialize</c> and <c>tools/list</c> at once. It has two
/// stages: the recent ticks (every open market) first, then the last bars of the shut markets; a quote of a symbol the
/// first stage found is served without waiting for the second.
/// </para>
/// <para>
/// The demo market is deterministic, so these quotes are the ones the paper venue sees at the same moment. Thread-safe:
/// one writer (the stream), any number of readers.
/// </para>
/// </remarks>
internal sealed class LiveQuotes : BackgroundService
{
    private static readonly TimeSpan s_recentTicks = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_shutMarketLookBack = TimeSpan.FromDays(4);

    private readonly Lazy<DemoMarketModel> _market;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveQuotes> _logger;
    private readonly Dictionary<string, int> _index;
    private readonly Tick?[] _quotes;
    private readonly long[] _versions;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _recent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _primed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TickListener? _listener;

    public LiveQuotes(ServerSettings settings, Lazy<DemoMarketModel> market, TimeProvider time, ILogger<LiveQuotes> logger)
    {
        _market = market;
        _time = time;
        _logger = logger;
        // The market quotes the catalogue (ServerComposition builds it so); the market itself is built in the background.
        var symbols = settings.Catalog;
        _index = new Dictionary<string, int>(symbols.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < symbols.Count; i++)
        {
            _index[symbols[i].Name] = i;
        }

        _quotes = new Tick?[symbols.Count];
        _versions = new long[symbols.Count];
        Symbols = [.. symbols.Select(s => s.Name)];
    }

    /// <summary>The symbols quoted, in the market's order; <see cref="Version"/> and <see cref="Latest"/> index them.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Whether the quotes are primed.</summary>
    public bool IsPrimed => _primed.Task.IsCompletedSuccessfully;

    /// <summary>The index of <paramref name="symbol"/> in <see cref="Symbols"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string symbol) => _index.TryGetValue(symbol, out var i) ? i : -1;

    /// <summary>
    /// How many times the quote of symbol <paramref name="index"/> has changed: listeners that poll (resource updates,
    /// WebSocket streams) compare it with the value they saw, so a burst of ticks costs them one read.
    /// </summary>
    public long Version(int index) => Volatile.Read(ref _versions[index]);

    /// <summary>The latest quote of symbol <paramref name="index"/>, or null.</summary>
    public Tick? Latest(int index)
    {
        lock (_lock)
        {
            return _quotes[index];
        }
    }

    /// <summary>
    /// Sets the one listener told of every streamed tick (not the priming ones), on the stream's thread, after the quote
    /// is updated: the alerts. It must be quick and must not throw.
    /// </summary>
    public void Listen(TickListener listener) => _listener = listener;

    /// <summary>Waits until the quotes are primed.</summary>
    public Task WaitPrimedAsync(CancellationToken cancellationToken) => _primed.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The latest quote of <paramref name="symbol"/>, once it is primed (a symbol with a recent tick is, before the shut
    /// markets are); null when the market has none.
    /// </summary>
    public ValueTask<Tick?> GetAsync(string symbol, CancellationToken cancellationToken)
    {
        var i = IndexOf(symbol);
        return _primed.Task.IsCompletedSuccessfully
            ? new ValueTask<Tick?>(i < 0 ? null : Latest(i))
            : WaitAsync(i, cancellationToken);
    }

    private async ValueTask<Tick?> WaitAsync(int index, CancellationToken cancellationToken)
    {
        await _recent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (index >= 0 && Latest(index) is { } recent)
        {
            return recent;
        }

        await _primed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return index < 0 ? null : Latest(index);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Building the market and priming walk it to now: keep both off the host's start-up path.
            await Task.Yield();
            var market = _market.Value;
            var now = _time.GetUtcNow();
            Prime(market, now);
            await foreach (var tick in market.StreamAsync(now, _time, stoppingToken).ConfigureAwait(false))
            {
                var i = Set(tick.Symbol, tick.Tick);
                _listener?.Invoke(i, tick.Tick);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception fault)
        {
            Log.QuoteStreamFailed(_logger, fault);
            _recent.TrySetException(fault);
            _primed.TrySetException(fault);
        }
    }

    private void Prime(DemoMarketModel market, DateTimeOffset now)
    {
        var from = Max(now - s_recentTicks, market.Start);
        foreach (var tick in market.GenerateTicks(from, now))
        {
            Set(tick.Symbol, tick.Tick);
        }

        _recent.TrySetResult();
        var primed = 0;
        foreach (var spec in market.Options.Symbols)
        {
            var i = _index[spec.Name];
            if (Latest(i) is null)
            {
                var bars = market.GenerateM1(spec.Name, Max(now - s_shutMarketLookBack, market.Start), now);
                if (bars.Length > 0)
                {
                    var last = bars[^1];
                    var ask = spec.NormalizePrice(last.Close + (last.Spread * spec.Point));
                    Set(spec.Name, new Tick((last.Time * 1000) + 59_999, last.Close, ask, 0, 0, TickFlags.Bid | TickFlags.Ask));
                }
            }

            primed += Latest(i) is null ? 0 : 1;
        }

        Log.QuotesPrimed(_logger, primed);
        _primed.TrySetResult();
    }

    private int Set(string symbol, Tick tick)
    {
        var i = _index[symbol];
        lock (_lock)
        {
            _quotes[i] = tick;
        }

        Interlocked.Increment(ref _versions[i]);
        return i;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
