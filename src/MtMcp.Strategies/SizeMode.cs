namespace MtMcp.Strategies;

/// <summary>How the <c>size</c> value of a strategy document is read (docs/strategy-language.md, "Position size").</summary>
public enum SizeMode
{
    /// <summary>Fraction in (0, 1] of the available margin (1 = all of it, the default).</summary>
    Margin,

    /// <summary>Whole units (shares, base-currency units); floored.</summary>
    Units,

    /// <summary>Lots: the value × <c>contract_size</c> units.</summary>
    Lots,

    /// <summary>Percent of equity as notional: <c>equity × value / 100 / close</c> units, floored.</summary>
    EquityPercent,

    /// <summary>Percent of equity at risk to the stop: <c>equity × value / 100 / stop distance</c> units, floored; needs <c>stop_loss</c>.</summary>
    RiskPercent,
}
