using System.Globalization;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MtMcp.Engine;

/// <summary>
/// The latest quote of every symbol of a catalogue, indexed by a dense symbol id (the catalogue's order) so the
/// tick path never looks a name up. Also keeps each quote as whole ticks, which is how the engine compares prices.
/// </summary>
/// <remarks>Not thread-safe: one writer (the venue), readers on the same thread.</remarks>
[Mutable]
public sealed class QuoteBoard : IQuoteProvider
{
    // Below long.MaxValue (9.22e18) with room for the double's rounding.
    private const double MaxTicks = 9e18;

    private readonly SymbolSpec[] _specs;
    private readonly double[] _tickSize;
    private readonly FrozenDictionary<string, int> _ids;
    private readonly double[] _bid;
    private readonly double[] _ask;
    private readonly long[] _bidTicks;
    private readonly long[] _askTicks;
    private readonly long[] _time;
    private readonly bool[] _has;

    /// <summary>Creates an empty board over <paramref name="catalog"/>'s symbols.</summary>
    public QuoteBoard(SymbolCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Symbols = catalog;
        _specs = [.. catalog];
        _tickSize = Array.ConvertAll(_specs, s => s.TickSize);
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _specs.Length; i++)
        {
            ids.Add(_specs[i].Name, i);
        }

        _ids = ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _bid = new double[_specs.Length];
        _ask = new double[_specs.Length];
        _bidTicks = new long[_specs.Length];
        _askTicks = new long[_specs.Length];
        _time = new long[_specs.Length];
        _has = new bool[_specs.Length];
    }

    /// <summary>The catalogue; a symbol's id is its index in it.</summary>
    public SymbolCatalog Symbols { get; }

    /// <summary>Time of the latest update of any symbol, Unix ms UTC; 0 before the first.</summary>
    public long TimeMs { get; private set; }

    /// <summary>Finds the id of <paramref name="symbol"/>, case-insensitively.</summary>
    public bool TryGetId(string symbol, out int id) => _ids.TryGetValue(symbol, out id);

    /// <summary>The specification of symbol <paramref name="id"/>.</summary>
    public SymbolSpec Spec(int id) => _specs[id];

    /// <summary>
    /// Sets the quote of symbol <paramref name="id"/>. A crossed quote (ask below bid, which real feeds produce now
    /// and then) is taken as given.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Bid or ask is not a positive finite number.</exception>
    public void Update(int id, double bid, double ask, long timeMs)
    {
        // The comparisons are false for NaN: one test rejects NaN, infinities and non-positive prices.
        if (!(bid > 0 && ask > 0 && bid < double.PositiveInfinity && ask < double.PositiveInfinity))
        {
            ThrowNotPositiveFinite(_specs[id].Name, bid, ask);
        }

        _bid[id] = bid;
        _ask[id] = ask;
        var tick = _tickSize[id];
        var bidTicks = Math.Round(bid / tick);
        var askTicks = Math.Round(ask / tick);
        // One range test and plain conversions: the checked ones are a call each, and this runs on every tick.
        if (!(bidTicks < MaxTicks && askTicks < MaxTicks))
        {
            ThrowTooLarge(_specs[id].Name, bid, ask, tick);
        }

        _bidTicks[id] = unchecked((long)bidTicks);
        _askTicks[id] = unchecked((long)askTicks);
        _time[id] = timeMs;
        _has[id] = true;
        if (timeMs > TimeMs)
        {
            TimeMs = timeMs;
        }
    }

    // The throws live in their own methods: inlined, their message builders' locals made every call zero a stack frame.
    [DoesNotReturn]
    private static void ThrowNotPositiveFinite(string symbol, double bid, double ask) =>
        throw new ArgumentOutOfRangeException(nameof(bid), string.Create(CultureInfo.InvariantCulture, $"{symbol}: quote bid {bid} / ask {ask} must be positive finite prices."));

    [DoesNotReturn]
    private static void ThrowTooLarge(string symbol, double bid, double ask, double tick) =>
        throw new OverflowException(string.Create(CultureInfo.InvariantCulture, $"{symbol}: quote bid {bid} / ask {ask} is too large for its tick size {tick}."));

    /// <summary>Whether symbol <paramref name="id"/> has been quoted.</summary>
    public bool HasQuote(int id) => _has[id];

    /// <summary>The latest quote of symbol <paramref name="id"/> (all zero before the first update).</summary>
    public Quote Get(int id) => new(_bid[id], _ask[id], _time[id]);

    /// <inheritdoc />
    public bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote)
    {
        if (_ids.TryGetValue(symbol, out var id) && _has[id])
        {
            quote = Get(id);
            return true;
        }

        quote = null;
        return false;
    }

    /// <summary>The bid of symbol <paramref name="id"/> as whole ticks.</summary>
    internal long BidTicks(int id) => _bidTicks[id];

    /// <summary>The ask of symbol <paramref name="id"/> as whole ticks.</summary>
    internal long AskTicks(int id) => _askTicks[id];

    /// <summary>The time of symbol <paramref name="id"/>'s latest quote.</summary>
    internal long QuoteTimeMs(int id) => _time[id];
}
