using System.Globalization;
using MtMcp.Backtesting;

namespace MtMcp.Strategies;

/// <summary>
/// A strategy written in the strategy language, run through the same <see cref="IStrategy"/> API as C# strategies. The
/// document is compiled in <see cref="Init"/> with the run's parameter values (declared defaults for those not given).
/// </summary>
/// <remarks>One instance serves one run, as every <see cref="IStrategy"/>.</remarks>
public sealed class LanguageStrategy : IStrategy
{
    private CompiledStrategy? _compiled;

    /// <summary>Creates the strategy for <paramref name="document"/>.</summary>
    public LanguageStrategy(StrategyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
    }

    /// <summary>The document it runs.</summary>
    public StrategyDocument Document { get; }

    /// <inheritdoc />
    /// <exception cref="StrategyException">A parameter value outside its declared range, or one that makes a rule invalid.</exception>
    public void Init(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in Document.Parameters)
        {
            var value = context.Parameters.Number(parameter.Name, parameter.Default);
            if (!(value >= parameter.Min && value <= parameter.Max))
            {
                throw new StrategyException(string.Create(CultureInfo.InvariantCulture,
                    $"Parameter '{parameter.Name}' = {value} is outside its declared range [{parameter.Min}, {parameter.Max}]."));
            }

            values[parameter.Name] = value;
        }

        var diagnostics = new List<StrategyDiagnostic>();
        _compiled = Compiler.Compile(Document, values, diagnostics) ?? throw new StrategyException(diagnostics);
        context.Indicator(_compiled.Feed);
    }

    /// <inheritdoc />
    public void OnBar(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        (_compiled ?? throw new InvalidOperationException("Init was not called.")).OnBar(context);
    }
}
