namespace MtMcp.Backtesting;

/// <summary>
/// Settings of the genetic search: a population of parameter sets evolves by tournament selection, uniform crossover,
/// mutation (a gene takes a random value of its range) and inversion (a gene's value is mirrored within its range), keeping
/// the best sets (elitism). The search stops after <see cref="StallGenerations"/> generations without a better best pass,
/// after <see cref="MaxGenerations"/>, or when every combination has been tested.
/// </summary>
public sealed record GeneticOptions
{
    /// <summary>Seed of the random source: the same seed gives the same passes, whatever the thread count.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Parameter sets per generation (≥ 4).</summary>
    public int PopulationSize { get; init; } = 32;

    /// <summary>Most generations (≥ 1).</summary>
    public int MaxGenerations { get; init; } = 100;

    /// <summary>Generations without improvement before stopping (≥ 1).</summary>
    public int StallGenerations { get; init; } = 10;

    /// <summary>Best sets copied unchanged into the next generation (0 to population − 1).</summary>
    public int Elite { get; init; } = 2;

    /// <summary>Probability that two parents are crossed (otherwise the first is copied), in [0, 1].</summary>
    public double CrossoverRate { get; init; } = 0.9;

    /// <summary>Probability per gene of a mutation, in [0, 1]; NaN = 1 / number of varied parameters.</summary>
    public double MutationRate { get; init; } = double.NaN;

    /// <summary>Probability per gene of an inversion, in [0, 1].</summary>
    public double InversionRate { get; init; } = 0.02;

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PopulationSize, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxGenerations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(StallGenerations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Elite);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Elite, PopulationSize);
        Probability(CrossoverRate, nameof(CrossoverRate));
        Probability(InversionRate, nameof(InversionRate));
        if (!double.IsNaN(MutationRate))
        {
            Probability(MutationRate, nameof(MutationRate));
        }
    }

    private static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is a probability in [0, 1].");
        }
    }
}
