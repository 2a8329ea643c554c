namespace MtMcp.Strategies;

/// <summary>Did-you-mean hints by edit distance.</summary>
internal static class Suggest
{
    /// <summary>"Did you mean X?" for the candidates closest to <paramref name="word"/>, or null when none is close.</summary>
    public static string? Hint(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, word.Length / 3);
        var best = new List<(string Name, int Distance)>();
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant(), limit);
            if (distance <= limit)
            {
                best.Add((candidate, distance));
            }
        }

        if (best.Count == 0)
        {
            return null;
        }

        best.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        var names = best.Take(3).Select(b => b.Name).Distinct(StringComparer.Ordinal);
        return $"Did you mean {string.Join(" or ", names)}?";
    }

    /// <summary>Levenshtein distance, giving up (returning limit + 1) once it must exceed <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
