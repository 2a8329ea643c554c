namespace MtMcp.Backtesting;

/// <summary>The strategies shipped with the product, by name (<c>builtin:NAME</c>).</summary>
public static class BuiltinStrategies
{
    private static readonly Dictionary<string, Func<IStrategy>> s_factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sma_cross"] = static () => new SmaCross(),
    };

    /// <summary>The names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Creates a strategy from <c>NAME</c> or <c>builtin:NAME</c>.</summary>
    /// <exception cref="ArgumentException">No built-in strategy of that name.</exception>
    public static IStrategy Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bare = name.StartsWith("builtin:", StringComparison.OrdinalIgnoreCase) ? name["builtin:".Length..] : name;
        return s_factories.TryGetValue(bare, out var factory)
            ? factory()
            : throw new ArgumentException($"No built-in strategy '{bare}'. Built-in strategies: {string.Join(", ", Names)}.", nameof(name));
    }
}
