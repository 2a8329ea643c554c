using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MtMcp.Domain;

/// <summary>
/// An immutable, case-insensitive collection of symbol specifications: the built-in catalogue,
/// optionally extended or overridden by configuration.
/// </summary>
[Immutable]
public sealed class SymbolCatalog : IReadOnlyList<SymbolSpec>
{
    private readonly SymbolSpec[] _symbols;
    private readonly FrozenDictionary<string, SymbolSpec> _byName;

    /// <summary>Creates a catalogue; every spec must be valid and names unique (case-insensitively).</summary>
    /// <exception cref="ArgumentException">A spec is invalid or a name repeats.</exception>
    public SymbolCatalog(IEnumerable<SymbolSpec> symbols)
    {
        _symbols = [.. symbols];
        var problems = _symbols.SelectMany(s => s.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid symbol specification: " + string.Join("; ", problems), nameof(symbols));
        }

        var byName = new Dictionary<string, SymbolSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var symbol in _symbols)
        {
            if (!byName.TryAdd(symbol.Name, symbol))
            {
                throw new ArgumentException($"Symbol '{symbol.Name}' is defined twice.", nameof(symbols));
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in catalogue: realistic MT5-style specs for forex, metals, indices, energies and crypto.</summary>
    public static SymbolCatalog BuiltIn { get; } = new(BuiltInSymbols.Create());

    /// <inheritdoc />
    public int Count => _symbols.Length;

    /// <inheritdoc />
    public SymbolSpec this[int index] => _symbols[index];

    /// <summary>Finds a symbol by name, case-insensitively.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out SymbolSpec? spec) => _byName.TryGetValue(name, out spec);

    /// <summary>The symbol called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such symbol; the message lists close matches.</exception>
    public SymbolSpec Get(string name)
    {
        if (TryGet(name, out var spec))
        {
            return spec;
        }

        var similar = _symbols
            .Where(s => s.Name.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(s.Name, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Take(5)
            .ToList();
        var hint = similar.Count > 0 ? $" Did you mean {string.Join(", ", similar)}?" : " Use `mtmcp symbols` to list them.";
        throw new KeyNotFoundException($"Unknown symbol '{name}'.{hint}");
    }

    /// <summary>
    /// A new catalogue where each given spec replaces the one of the same name or is added after the others.
    /// </summary>
    public SymbolCatalog WithOverrides(IEnumerable<SymbolSpec> overrides)
    {
        var merged = new List<SymbolSpec>(_symbols);
        foreach (var spec in overrides)
        {
            var index = merged.FindIndex(s => s.Name.Equals(spec.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                merged[index] = spec;
            }
            else
            {
                merged.Add(spec);
            }
        }

        return new SymbolCatalog(merged);
    }

    /// <inheritdoc />
    public IEnumerator<SymbolSpec> GetEnumerator() => ((IEnumerable<SymbolSpec>)_symbols).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
