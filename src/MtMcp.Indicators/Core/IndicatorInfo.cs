namespace MtMcp.Indicators;

/// <summary>Everything a caller needs to know about an indicator to call it and read its outputs.</summary>
/// <param name="Name">Lower-case name: TA-Lib's function name (<c>sma</c>, <c>cdlengulfing</c>) or ours (<c>ichimoku</c>).</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Group">Family.</param>
/// <param name="Inputs">Series read, in TA-Lib's order.</param>
/// <param name="Parameters">Parameters, in TA-Lib's order.</param>
/// <param name="Outputs">Outputs, in TA-Lib's order.</param>
/// <param name="IsTaLib">Whether the definition is TA-Lib's (and tested against it) or MetaTrader's.</param>
public sealed record IndicatorInfo(
    string Name,
    string Title,
    IndicatorGroup Group,
    IReadOnlyList<InputSeries> Inputs,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<OutputInfo> Outputs,
    bool IsTaLib = true)
{
    /// <summary>Whether the indicator reads a free price series (<see cref="InputSeries.Real0"/>), which callers choose.</summary>
    public bool ReadsReal => Inputs.Contains(InputSeries.Real0);

    /// <summary>The index of the parameter called <paramref name="name"/> (or one of its aliases), or −1.</summary>
    public int IndexOfParameter(string name)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                || parameter.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }
}
