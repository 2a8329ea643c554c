using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Server.Tools;

/// <summary>
/// A strategy a tool argument named: a strategy-language document (built-in or inline) or a C# class in a configured
/// assembly (<see cref="StrategyReferences"/>). <see cref="Create"/> gives a fresh instance per run.
/// </summary>
/// <param name="Reference">How answers name it: <c>builtin:NAME</c>, <c>inline:NAME</c> or <c>PATH.dll:Namespace.Type</c>.</param>
/// <param name="Document">The document; null for a C# strategy.</param>
/// <param name="Create">Makes a fresh instance.</param>
internal sealed record ResolvedStrategy(string Reference, StrategyDocument? Document, Func<IStrategy> Create)
{
    /// <summary>The symbols the document names (none for a C# strategy).</summary>
    public IReadOnlyList<string> Symbols => Document?.Symbols ?? [];

    /// <summary>The document's timeframe; null when it names none or for a C# strategy.</summary>
    public Timeframe? Timeframe => Document?.Timeframe;

    /// <summary>The declared parameters with their ranges; a C# strategy declares none (it reads what it is given).</summary>
    public IReadOnlyList<StrategyParameterSpec> Parameters => Document?.Parameters ?? [];

    /// <summary>The document's name, or the class name of a C# strategy.</summary>
    public string Name => Document?.Name ?? Reference[(Reference.LastIndexOfAny([':', '.']) + 1)..];
}
