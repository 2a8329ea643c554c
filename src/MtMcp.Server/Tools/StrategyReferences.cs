using MtMcp.Backtesting;
using MtMcp.Strategies;

namespace MtMcp.Server.Tools;

/// <summary>
/// Resolves the strategy arguments of the strategy tools: <c>builtin:NAME</c>, an inline document, or
/// <c>[assembly:]PATH.dll:Namespace.Type</c> for a C# strategy. A tool argument can name only an assembly the server's
/// configuration lists (<see cref="ServerSettings.StrategyAssemblies"/>, <c>strategies.assemblies</c>): loading an
/// assembly runs its code with the server's rights, so a model must never pick the file.
/// </summary>
internal static class StrategyReferences
{
    /// <summary>The description of the tools' <c>strategy</c> argument.</summary>
    public const string Description = "builtin:NAME (see list_strategies), or PATH.dll:Namespace.Type of a C# strategy in an assembly the server's "
        + "configuration lists (strategies.assemblies; the file name alone is enough); or give document instead.";

    private const string Builtin = "builtin:";
    private const int MaxDocument = 64 * 1024;

    // Paths compare as the file system does.
    private static readonly StringComparison s_pathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The strategy named by exactly one of <paramref name="strategy"/> and <paramref name="document"/>.</summary>
    /// <exception cref="ToolErrorException">INVALID_ARGUMENT: neither or both, an invalid document, an unknown built-in, or an assembly the configuration does not list.</exception>
    public static ResolvedStrategy Resolve(ServerSettings settings, string? strategy, string? document)
    {
        if ((strategy is null) == (document is null))
        {
            throw ToolErrorException.InvalidArgument("strategy", "Give exactly one of strategy (builtin:NAME or a configured PATH.dll:Type) and document (an inline strategy document).");
        }

        if (document is not null)
        {
            CheckSize(document, "document");
            if (!StrategyDocument.TryParse(document, out var parsed, out var diagnostics))
            {
                throw ToolErrorException.InvalidArgument("document", "The strategy document is invalid (validate_strategy lists every error): "
                    + string.Join("; ", diagnostics.Take(5).Select(d => d.ToString())));
            }

            return new ResolvedStrategy("inline:" + parsed.Name, parsed, () => new LanguageStrategy(parsed));
        }

        if (StrategyAssembly.IsReference(strategy))
        {
            return new ResolvedStrategy(strategy!.Trim(), null, Assembly(settings, strategy!));
        }

        if (!strategy!.StartsWith(Builtin, StringComparison.OrdinalIgnoreCase))
        {
            throw ToolErrorException.InvalidArgument("strategy",
                $"strategy must be builtin:NAME ({string.Join(", ", StrategyResolver.BuiltinNames)}) or PATH.dll:Namespace.Type of an assembly the server's configuration lists; pass your own strategy as document.");
        }

        try
        {
            var found = StrategyResolver.Builtin(strategy);
            return new ResolvedStrategy(Builtin + found.Name, found, () => new LanguageStrategy(found));
        }
        catch (ArgumentException error)
        {
            throw ToolErrorException.InvalidArgument("strategy", error.Message);
        }
    }

    /// <summary>
    /// The factory of the C# strategy <paramref name="reference"/> names, if its assembly is one of the configured ones:
    /// the path is the configured one (full, or relative to the working directory), or just its file name.
    /// </summary>
    /// <exception cref="ToolErrorException">INVALID_ARGUMENT: a malformed reference, an assembly not configured, or a type that is not a usable strategy.</exception>
    public static Func<IStrategy> Assembly(ServerSettings settings, string reference)
    {
        try
        {
            var (path, type) = StrategyAssembly.Parse(reference);
            var allowed = Allowed(settings, path) ?? throw ToolErrorException.InvalidArgument("strategy", settings.StrategyAssemblies.Count == 0
                ? $"Strategy assembly '{UntrustedText.Clean(path, 200)}' is not allowed: this server loads no C# strategies (its configuration lists none in strategies.assemblies)."
                : $"Strategy assembly '{UntrustedText.Clean(path, 200)}' is not allowed: the server loads only the assemblies its configuration lists in "
                    + $"strategies.assemblies: {string.Join(", ", settings.StrategyAssemblies.Select(Path.GetFileName))}.");
            return StrategyAssembly.Factory(allowed, type);
        }
        catch (ArgumentException error)
        {
            throw ToolErrorException.InvalidArgument("strategy", UntrustedText.Clean(error.Message, 800));
        }
    }

    /// <summary>Checks a document argument's size.</summary>
    public static void CheckSize(string? text, string argument)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxDocument)
        {
            throw ToolErrorException.InvalidArgument(argument, $"{argument} must be a strategy document (JSON text) of at most {MaxDocument / 1024} KiB.");
        }
    }

    // The configured assembly the path names, or null. A bare file name matches a configured file of that name; any other
    // path must resolve to a configured one exactly (so "../" tricks resolve first and then fail).
    private static string? Allowed(ServerSettings settings, string path)
    {
        var bare = Path.GetFileName(path).Equals(path, s_pathComparison);
        var full = bare ? null : Path.GetFullPath(path);
        foreach (var configured in settings.StrategyAssemblies)
        {
            if (bare ? Path.GetFileName(configured).Equals(path, s_pathComparison) : configured.Equals(full, s_pathComparison))
            {
                return configured;
            }
        }

        return null;
    }
}
