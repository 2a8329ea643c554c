namespace MtMcp.Backtesting;

/// <summary>The ordered names of an evaluator's statistics, with the positions of the ones walk-forward needs.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class StatisticNames
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Creates the list; it must contain <c>net_profit</c>, <c>return_pct</c>, <c>duration_days</c> and <c>trades</c>.</summary>
    /// <exception cref="ArgumentException">A name repeats or a required one is missing.</exception>
    public StatisticNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names];
        for (var i = 0; i < _names.Length; i++)
        {
            if (!_index.TryAdd(_names[i], i))
            {
                throw new ArgumentException($"Statistic '{_names[i]}' is listed twice.", nameof(names));
            }
        }

        NetProfit = Required("net_profit");
        ReturnPct = Required("return_pct");
        DurationDays = Required("duration_days");
        Trades = Required("trades");
    }

    /// <summary>Number of statistics.</summary>
    public int Count => _names.Length;

    /// <summary>The names in order.</summary>
    public IReadOnlyList<string> All => _names;

    internal int NetProfit { get; }

    internal int ReturnPct { get; }

    internal int DurationDays { get; }

    internal int Trades { get; }

    /// <summary>Position of <paramref name="name"/>, or −1.</summary>
    public int Find(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>Position of <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No statistic of that name.</exception>
    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"No statistic '{name}'. Statistics: {string.Join(", ", _names)}.");

    private int Required(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"The statistics must include '{name}'.");
}
