using System.Globalization;
using System.Runtime.CompilerServices;
using MtMcp.DemoMarket.Generation;
using MtMcp.DemoMarket.Model;
using MtMcp.Domain;

namespace MtMcp.DemoMarket;

/// <summary>
/// A seeded synthetic market for running without a broker: merged tick streams, M1 history and a paced
/// real-time stream for paper trading, all from one price process, bit-identical for equal options on
/// every machine. See <c>docs/demo-market.md</c> for the model.
/// </summary>
/// <remarks>
/// <para>
/// Prices come from drivers: one per currency, metal or coin (valued in US dollars) and one per other
/// instrument (valued in its profit currency). Each driver's log value is a correlated random walk built
/// from common factors and its own moves, with intraday seasonality, weekend drift and rare jumps; a pair's
/// mid is base driver / quote driver, so crosses agree with the dollar pairs by construction.
/// </para>
/// <para>Immutable after construction and safe to share; every enumeration has its own state.</para>
/// </remarks>
[Immutable]
public sealed class DemoMarket
{
    private readonly MarketModel _model;
    private readonly WalkCheckpoints _checkpoints;

    /// <summary>Builds the market.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the entry and the rule.</exception>
    public DemoMarket(DemoMarketOptions options)
        : this(options, checkpointDirectory: null)
    {
    }

    /// <summary>
    /// Builds the market and keeps its walk's weekly checkpoints in <paramref name="checkpointDirectory"/> (created when
    /// first written), so a market built later with the same options, in this or another process, resumes the walk
    /// from the latest saved week instead of from <see cref="Start"/>. The generated ticks and bars are the same with
    /// or without the directory.
    /// </summary>
    /// <remarks>
    /// The file is a cache (<c>walk-checkpoints.bin</c>, about 5 KB per simulated week for the built-in catalogue): it is
    /// used only when it was written for the same options by the same build of the generator and is intact, and it is
    /// rewritten whenever the walk reaches a new week. Read or write failures only cost the walk's time.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are invalid; the message names the entry and the rule.</exception>
    public DemoMarket(DemoMarketOptions options, string? checkpointDirectory)
    {
        _model = new MarketModel(options);
        _checkpoints = new WalkCheckpoints(_model, checkpointDirectory);
    }

    /// <summary>The options the market was built from.</summary>
    public DemoMarketOptions Options => _model.Options;

    /// <summary>The start of the walk, floored to the minute: the earliest time any query may reach.</summary>
    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeMilliseconds(_model.StartMinute * 60_000);

    /// <summary>
    /// The ticks of all symbols with times in [<paramref name="from"/>, <paramref name="to"/>), in time order
    /// (ties in symbol order), generated lazily.
    /// </summary>
    /// <remarks>
    /// Ticks arrive as a Poisson process whose intensity follows the symbol's busy hours (a few per second for
    /// majors in the London/New York overlap, several per minute in the quiet hours) and only inside its quote
    /// sessions. A tick is emitted when its bid or ask differs from the symbol's previous one; the first tick of
    /// a symbol with no arrival in the previous minute carries both flags. The ticks in a range are the same
    /// whichever range is asked for.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is before <see cref="Start"/> or after <paramref name="to"/>.</exception>
    public IEnumerable<SymbolTick> GenerateTicks(DateTimeOffset from, DateTimeOffset to)
    {
        CheckRange(from, to);
        return Enumerate(_model, _checkpoints, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());

        // Each enumeration gets its own cursor, created (and the walk done) on the first MoveNext.
        static IEnumerable<SymbolTick> Enumerate(MarketModel model, WalkCheckpoints checkpoints, long fromMs, long toMs)
        {
            var cursor = new TickCursor(model, checkpoints, fromMs, toMs);
            while (cursor.TryNext(out var tick))
            {
                yield return tick;
            }
        }
    }

    /// <summary>
    /// The M1 bid bars of <paramref name="symbol"/> (a name in <see cref="DemoMarketOptions.Symbols"/>,
    /// case-insensitive) opening in [<paramref name="from"/>, <paramref name="to"/>), oldest first.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol is not in the market.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is before <see cref="Start"/> or after <paramref name="to"/>.</exception>
    public Bar[] GenerateM1(string symbol, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!_model.TryGetSymbol(symbol, out var model))
        {
            throw new ArgumentException($"Symbol '{symbol}' is not in the demo market; it quotes {_model.Symbols.Length} symbols from DemoMarketOptions.Symbols.", nameof(symbol));
        }

        CheckRange(from, to);
        return BarGenerator.Generate(_model, _checkpoints, model, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// The M1 bid bars of any symbol specification opening in [<paramref name="from"/>, <paramref name="to"/>).
    /// A spec that prices like the market's symbol of that name (same currencies, asset class, digits, tick size,
    /// spread and quote sessions) gives that symbol's bars; another spec (a user-added symbol, or a variant with
    /// other digits or sessions) is priced as if it were added to the market, which leaves every other symbol
    /// unchanged, but walks from <see cref="Start"/> without this market's checkpoints.
    /// </summary>
    /// <remarks>
    /// Bars come straight from the minute walk (about 370,000 bars per year for a forex pair, generated in a
    /// fraction of a second): open and close are the walk at the minute's boundaries, high and low the exact
    /// Brownian-bridge extremes corrected for the finite tick count, tick volume the tick stream's arrival count,
    /// spread the lowest spread of the minute. Minutes without quotes have no bar.
    /// </remarks>
    /// <exception cref="ArgumentException">The spec is invalid or contradicts the options.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is before <see cref="Start"/> or after <paramref name="to"/>.</exception>
    public Bar[] GenerateM1(SymbolSpec symbol, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        CheckRange(from, to);
        if (_model.TryGetSymbol(symbol.Name, out var symbolModel) && PricesAlike(symbolModel.Spec, symbol))
        {
            return BarGenerator.Generate(_model, _checkpoints, symbolModel, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        }

        // A new or changed spec needs a model of its own (same streams, so every other symbol is unchanged);
        // its walk cannot use this market's checkpoints and starts from the beginning.
        var symbols = new List<SymbolSpec>(_model.Symbols.Length + 1);
        foreach (var existing in _model.Symbols)
        {
            if (!existing.Spec.Name.Equals(symbol.Name, StringComparison.OrdinalIgnoreCase))
            {
                symbols.Add(existing.Spec);
            }
        }

        symbols.Add(symbol);
        var model = new MarketModel(Options with { Symbols = symbols });
        model.TryGetSymbol(symbol.Name, out symbolModel);
        return BarGenerator.Generate(model, null, symbolModel, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// The tick stream from <paramref name="from"/> on, paced by <paramref name="timeProvider"/>: each tick is
    /// delivered once the provider's clock reaches its time (at once if the clock is already past it, so a slow
    /// consumer catches up). The stream ends only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <remarks>
    /// The ticks are exactly those of <see cref="GenerateTicks"/> from <paramref name="from"/>, so a paper venue
    /// that loads history up to <paramref name="from"/> with <see cref="GenerateM1(string, DateTimeOffset, DateTimeOffset)"/>
    /// continues it without a jump.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is before <see cref="Start"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IAsyncEnumerable<SymbolTick> StreamAsync(DateTimeOffset from, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        CheckRange(from, DateTimeOffset.MaxValue);
        return Pace(_model, _checkpoints, from.ToUnixTimeMilliseconds(), timeProvider, cancellationToken);

        static async IAsyncEnumerable<SymbolTick> Pace(
            MarketModel model, WalkCheckpoints checkpoints, long fromMs, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var cursor = new TickCursor(model, checkpoints, fromMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());
            while (cursor.TryNext(out var tick))
            {
                var wait = tick.Tick.TimeMs - time.GetUtcNow().ToUnixTimeMilliseconds();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), time, cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return tick;
            }
        }
    }

    // Whether two specs get the same prices: everything the model reads, nothing it ignores (descriptions, swaps, margins).
    private static bool PricesAlike(SymbolSpec a, SymbolSpec b) =>
        ReferenceEquals(a, b)
        || (a.Name == b.Name && a.CurrencyBase == b.CurrencyBase && a.CurrencyProfit == b.CurrencyProfit
            && a.AssetClass == b.AssetClass && a.Digits == b.Digits && a.TickSize == b.TickSize && a.Spread == b.Spread
            && a.QuoteSessions.SequenceEqual(b.QuoteSessions));

    private void CheckRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (from < Start)
        {
            throw new ArgumentOutOfRangeException(
                nameof(from), from, string.Create(CultureInfo.InvariantCulture, $"The demo market starts at {Start:O}; ask for times at or after it, or set DemoMarketOptions.Start earlier."));
        }

        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The end {to:O} is before the start {from:O}."));
        }
    }
}
