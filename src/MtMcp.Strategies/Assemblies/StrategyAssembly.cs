using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using MtMcp.Backtesting;

namespace MtMcp.Strategies;

/// <summary>
/// C# strategies from a compiled assembly: a public <see cref="IStrategy"/> class with a public parameterless constructor,
/// named <c>PATH.dll:Namespace.Type</c> (or <c>assembly:PATH.dll:Namespace.Type</c>). Each assembly loads once per
/// process into its own <see cref="AssemblyLoadContext"/>: its private dependencies (from its <c>.deps.json</c>) stay
/// isolated, while the MtMcp assemblies are the host's, so <see cref="IStrategy"/> is the same type on both sides.
/// </summary>
/// <remarks>
/// Thread-safe. Loading runs the assembly's code with the server's rights: configure only assemblies you trust. A
/// rebuilt file (new time stamp or size) is loaded anew into a fresh context.
/// </remarks>
public static class StrategyAssembly
{
    /// <summary>The optional prefix of an assembly reference.</summary>
    public const string Prefix = "assembly:";

    private static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length), Lazy<Assembly>> s_loaded = new();

    /// <summary>
    /// Whether <paramref name="reference"/> names a strategy in an assembly: it starts with <c>assembly:</c>, or it is
    /// <c>PATH.dll:TYPE</c>.
    /// </summary>
    public static bool IsReference(string? reference) =>
        reference is not null
        && (reference.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || reference.Contains(".dll:", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Splits <c>[assembly:]PATH.dll:Namespace.Type</c> at its last colon (a Windows drive letter keeps its own).
    /// </summary>
    /// <exception cref="ArgumentException">No type name, or no assembly path.</exception>
    public static (string Path, string TypeName) Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var bare = reference.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? reference[Prefix.Length..] : reference;
        var colon = bare.LastIndexOf(':');
        var path = colon > 0 ? bare[..colon].Trim() : string.Empty;
        var type = colon > 0 ? bare[(colon + 1)..].Trim() : string.Empty;
        if (path.Length == 0 || type.Length == 0 || type.Contains('\\', StringComparison.Ordinal) || type.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Strategy assembly reference '{reference}' is not PATH.dll:Namespace.Type (for example assembly:strategies/My.Strategies.dll:My.Strategies.Breakout).",
                nameof(reference));
        }

        return (path, type);
    }

    /// <summary>
    /// A factory of fresh instances (one per run) of <paramref name="typeName"/> in the assembly at <paramref name="path"/>;
    /// everything is checked here, so a failure surfaces before any run.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The file is missing or not a .NET assembly, the type is not in it, is not a public concrete <see cref="IStrategy"/>
    /// class, or has no public parameterless constructor.
    /// </exception>
    public static Func<IStrategy> Factory(string path, string typeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        var file = new FileInfo(Path.GetFullPath(path));
        if (!file.Exists)
        {
            throw new ArgumentException($"Strategy assembly '{path}' does not exist (looked at {file.FullName}).", nameof(path));
        }

        var assembly = s_loaded.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length), key => new Lazy<Assembly>(() => LoadAssembly(key.Path))).Value;
        var type = assembly.GetType(typeName, throwOnError: false, ignoreCase: false)
            ?? throw new ArgumentException($"Type '{typeName}' is not in {file.Name}. {Candidates(assembly, typeName)}", nameof(typeName));
        if (!typeof(IStrategy).IsAssignableFrom(type))
        {
            throw new ArgumentException(
                $"Type '{typeName}' in {file.Name} does not implement {typeof(IStrategy).FullName} (built against {typeof(IStrategy).Assembly.GetName().Name}). {Candidates(assembly, typeName)}",
                nameof(typeName));
        }

        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || !(type.IsPublic || type.IsNestedPublic))
        {
            throw new ArgumentException($"Type '{typeName}' in {file.Name} must be a public, non-abstract, non-generic class.", nameof(typeName));
        }

        var constructor = type.GetConstructor(Type.EmptyTypes)
            ?? throw new ArgumentException(
                $"Type '{typeName}' in {file.Name} has no public parameterless constructor: each run creates a fresh instance and passes parameters through IStrategy.Init.",
                nameof(typeName));
        return () =>
        {
            try
            {
                return (IStrategy)constructor.Invoke(null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"The constructor of strategy '{typeName}' ({file.Name}) threw: {e.InnerException.Message}", e.InnerException);
            }
        };
    }

    /// <summary>A fresh instance of the strategy <paramref name="reference"/> names (<c>[assembly:]PATH.dll:Namespace.Type</c>).</summary>
    /// <exception cref="ArgumentException">A malformed reference, or any failure of <see cref="Factory"/>.</exception>
    public static IStrategy Create(string reference)
    {
        var (path, type) = Parse(reference);
        return Factory(path, type)();
    }

    private static Assembly LoadAssembly(string path)
    {
        try
        {
            return new StrategyLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException e)
        {
            throw new ArgumentException($"Strategy assembly '{path}' is not a .NET assembly: {e.Message}", nameof(path), e);
        }
    }

    // Lists the public IStrategy classes the assembly does have, so a typo is easy to fix.
    private static string Candidates(Assembly assembly, string typeName)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
        }

        var names = types.Where(t => typeof(IStrategy).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return "It has no public IStrategy classes.";
        }

        var hint = Suggest.Hint(typeName, names);
        return (hint is null ? string.Empty : hint + " ") + $"Its IStrategy classes: {string.Join(", ", names)}.";
    }

    /// <summary>One strategy assembly and its private dependencies; the MtMcp assemblies come from the host.</summary>
    private sealed class StrategyLoadContext(string path) : AssemblyLoadContext($"strategy:{Path.GetFileName(path)}", isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Shared contracts: the host's copy, or IStrategy would be a different type on each side.
            if (assemblyName.Name is { } name && name.StartsWith("MtMcp.", StringComparison.Ordinal))
            {
                return null;
            }

            var resolved = _resolver.ResolveAssemblyToPath(assemblyName);
            return resolved is null ? null : LoadFromAssemblyPath(resolved);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var resolved = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return resolved is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(resolved);
        }
    }
}
