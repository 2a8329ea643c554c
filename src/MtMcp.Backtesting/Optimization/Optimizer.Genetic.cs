namespace MtMcp.Backtesting;

public static partial class Optimizer
{
    private const int TournamentSize = 3;

    // Tries to breed a combination not seen yet before accepting a repeat (which costs nothing: results are cached).
    private const int BreedAttempts = 20;

    /// <summary>
    /// The genetic search. All random draws happen on this thread, in a fixed order, and only the evaluation runs in
    /// parallel, so the passes depend on the seed alone.
    /// </summary>
    private static int RunGenetic(Session session, ParameterSpace space, GeneticOptions options)
    {
        var random = new Random(options.Seed);
        var dims = space.Ranges.Count;
        var varied = Enumerable.Range(0, dims).Where(d => space.CountOf(d) > 1).ToArray();
        var mutation = double.IsNaN(options.MutationRate) ? 1.0 / Math.Max(1, varied.Length) : options.MutationRate;
        var population = new List<long>(options.PopulationSize);
        var genes = new int[dims];
        for (var i = 0; i < options.PopulationSize && population.Count < space.Count; i++)
        {
            long candidate = 0;
            for (var attempt = 0; attempt < BreedAttempts; attempt++)
            {
                foreach (var d in varied)
                {
                    genes[d] = random.Next(space.CountOf(d));
                }

                candidate = space.Encode(genes);
                if (!population.Contains(candidate))
                {
                    break;
                }
            }

            population.Add(candidate);
        }

        OptimizationPass? best = null;
        var stall = 0;
        var generation = 0;
        while (true)
        {
            generation++;
            session.Evaluate(population);
            var ranked = population.Where(session.IsDone).Distinct().Select(session.Get).ToList();
            ranked.Sort(Compare);
            var leader = ranked.Count > 0 ? ranked[0] : null;
            var improved = best is null || (leader is not null && Compare(leader, best) < 0
                && (leader.Feasible != best.Feasible || !leader.Score.Equals(best.Score)));
            if (improved && leader is not null)
            {
                (best, stall) = (leader, 0);
            }
            else
            {
                stall++;
            }

            if (stall >= options.StallGenerations || generation >= options.MaxGenerations || session.Remaining <= 0 || ranked.Count == 0)
            {
                return generation;
            }

            population = Breed(ranked, space, varied, options, mutation, random, session);
        }
    }

    private static List<long> Breed(
        List<OptimizationPass> ranked, ParameterSpace space, int[] varied, GeneticOptions options, double mutation, Random random, Session session)
    {
        var next = new List<long>(options.PopulationSize);
        for (var i = 0; i < options.Elite && i < ranked.Count; i++)
        {
            next.Add(ranked[i].Combination);
        }

        var dims = space.Ranges.Count;
        var a = new int[dims];
        var b = new int[dims];
        while (next.Count < options.PopulationSize)
        {
            long child = 0;
            for (var attempt = 0; attempt < BreedAttempts; attempt++)
            {
                space.Decode(Tournament(ranked, random).Combination, a);
                space.Decode(Tournament(ranked, random).Combination, b);
                var cross = random.NextDouble() < options.CrossoverRate;
                foreach (var d in varied)
                {
                    // Draws happen for every gene whatever the branch, so one decision never shifts the later ones.
                    var takeB = random.NextDouble() < 0.5;
                    var mutate = random.NextDouble() < mutation;
                    var value = random.Next(space.CountOf(d));
                    var invert = random.NextDouble() < options.InversionRate;
                    var g = cross && takeB ? b[d] : a[d];
                    g = mutate ? value : g;
                    a[d] = invert ? space.CountOf(d) - 1 - g : g;
                }

                child = space.Encode(a);
                if (!session.IsDone(child) && !next.Contains(child))
                {
                    break;
                }
            }

            next.Add(child);
        }

        return next;
    }

    private static OptimizationPass Tournament(List<OptimizationPass> ranked, Random random)
    {
        // The ranked list is sorted best first, so the smallest drawn index wins.
        var winner = random.Next(ranked.Count);
        for (var i = 1; i < TournamentSize; i++)
        {
            winner = Math.Min(winner, random.Next(ranked.Count));
        }

        return ranked[winner];
    }
}
