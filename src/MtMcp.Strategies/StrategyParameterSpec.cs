namespace MtMcp.Strategies;

/// <summary>A declared strategy parameter: its default and the range (and step) an optimiser may vary it over.</summary>
/// <param name="Name">Name used in expressions and on the command line (<c>-p fast=12</c>).</param>
/// <param name="Default">Value when none is given.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Step">Grid step for optimisation; 0 when not declared.</param>
/// <param name="Description">What it controls, or null.</param>
public sealed record StrategyParameterSpec(string Name, double Default, double Min, double Max, double Step, string? Description);
