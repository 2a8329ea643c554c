using MtMcp.Backtesting;

namespace MtMcp.Strategies;

/// <summary>
/// Finds strategies by reference: <c>builtin:NAME</c> (the built-ins, written in the strategy language and shipped as
/// embedded documents), the path of a strategy document, or a C# strategy in an assembly,
/// <c>[assembly:]PATH.dll:Namespace.Type</c> (<see cref="StrategyAssembly"/>).
/// </summary>
public static class StrategyResolver
{
    private const string Prefix = "builtin:";
    private const string ResourcePrefix = "MtMcp.Strategies.Builtins.";

    private static readonly Lazy<Dictionary<string, StrategyDocument>> s_builtins = new(LoadBuiltins);

    /// <summary>The built-in strategy names, sorted.</summary>
    public static IReadOnlyList<string> BuiltinNames => [.. s_builtins.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The document of built-in <paramref name="name"/> (<c>NAME</c> or <c>builtin:NAME</c>).</summary>
    /// <exception cref="ArgumentException">No built-in strategy of that name.</exception>
    public static StrategyDocument Builtin(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bare = name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? name[Prefix.Length..] : name;
        return s_builtins.Value.TryGetValue(bare, out var document)
            ? document
            : throw new ArgumentException(
                $"No built-in strategy '{bare}'. {Suggest.Hint(bare, BuiltinNames) ?? string.Empty} Built-in strategies: {string.Join(", ", BuiltinNames)}.".Replace("  ", " ", StringComparison.Ordinal),
                nameof(name));
    }

    /// <summary>The JSON text of built-in <paramref name="name"/>, to show or copy as a starting point.</summary>
    /// <exception cref="ArgumentException">No built-in strategy of that name.</exception>
    public static string BuiltinSource(string name) => ReadResource(Builtin(name).Name);

    /// <summary>Loads the strategy document <paramref name="reference"/> names: <c>builtin:NAME</c> or a file path.</summary>
    /// <exception cref="ArgumentException">An unknown built-in or a missing file.</exception>
    /// <exception cref="StrategyException">The file is not a valid strategy document.</exception>
    public static StrategyDocument Load(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (reference.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Builtin(reference);
        }

        if (StrategyAssembly.IsReference(reference))
        {
            throw new ArgumentException($"'{reference}' names a C# strategy in an assembly, which has no strategy document.", nameof(reference));
        }

        if (!File.Exists(reference))
        {
            throw new ArgumentException(
                $"Strategy '{reference}' is neither builtin:NAME nor an existing file. Built-in strategies: {string.Join(", ", BuiltinNames.Select(n => Prefix + n))}.",
                nameof(reference));
        }

        return StrategyDocument.Parse(File.ReadAllText(reference));
    }

    /// <summary>
    /// A fresh strategy instance for <paramref name="reference"/> (one instance per run): <c>builtin:NAME</c>, a strategy
    /// document's path, or <c>[assembly:]PATH.dll:Namespace.Type</c>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An unknown built-in, a missing file, an invalid document, or an assembly strategy that cannot be loaded
    /// (<see cref="StrategyAssembly.Factory"/> says why).
    /// </exception>
    public static IStrategy Create(string reference) =>
        StrategyAssembly.IsReference(reference) ? StrategyAssembly.Create(reference) : new LanguageStrategy(Load(reference));

    private static Dictionary<string, StrategyDocument> LoadBuiltins()
    {
        var builtins = new Dictionary<string, StrategyDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in typeof(StrategyResolver).Assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                var name = resource[ResourcePrefix.Length..^".json".Length];
                builtins.Add(name, StrategyDocument.Parse(ReadResource(name)));
            }
        }

        return builtins;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(StrategyResolver).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new InvalidOperationException($"Built-in strategy resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
