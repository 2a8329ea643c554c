namespace MtMcp.Backtesting;

/// <summary>The outcome of a Monte Carlo simulation.</summary>
/// <param name="Simulations">Sequences simulated.</param>
/// <param name="Trades">Trades per sequence.</param>
/// <param name="Bands">The bands, in the order of <see cref="MonteCarloOptions.Percentiles"/>.</param>
public sealed record MonteCarloResult(int Simulations, int Trades, IReadOnlyList<MonteCarloBand> Bands);
