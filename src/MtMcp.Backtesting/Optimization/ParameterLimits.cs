namespace MtMcp.Backtesting;

/// <summary>A parameter a strategy declares: its default and the range (and step) an optimiser may vary it over.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Default">Value when not optimised.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Step">Grid step; 0 when the strategy declares none (the parameter then stays at its default unless overridden).</param>
public readonly record struct ParameterLimits(string Name, double Default, double Min, double Max, double Step);
