using System.Collections.Frozen;

namespace MtMcp.Server;

/// <summary>The groups of tools a server exposes; <c>--toolsets</c> picks some of them to save a model's context.</summary>
public static class Toolsets
{
    /// <summary>Symbols, quotes, bars, ticks, depth, market hours.</summary>
    public const string Market = "market";

    /// <summary>Accounts, positions, orders, history.</summary>
    public const string Account = "account";

    /// <summary>Placing, checking, modifying, cancelling and closing orders and positions.</summary>
    public const string Trading = "trading";

    /// <summary>Indicators, market analysis, patterns, scans, correlations.</summary>
    public const string Analysis = "analysis";

    /// <summary>Risk report, sizing and margin calculators, limits, kill switch.</summary>
    public const string Risk = "risk";

    /// <summary>Strategies, backtests, optimisation, live strategies.</summary>
    public const string Strategy = "strategy";

    /// <summary>Performance and compliance reports, the audit log.</summary>
    public const string Reports = "reports";

    /// <summary>Price and condition alerts.</summary>
    public const string Alerts = "alerts";

    private static readonly string[] s_all = [Market, Account, Trading, Analysis, Risk, Strategy, Reports, Alerts];
    private static readonly FrozenSet<string> s_known = s_all.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every toolset, in the order the tools reference lists them.</summary>
    public static IReadOnlyList<string> All => s_all;

    /// <summary>
    /// Parses a comma-separated list (<c>market,analysis</c>; <c>all</c> for every toolset), case-insensitively.
    /// The result keeps the order of <see cref="All"/> and has no duplicates.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or names an unknown toolset; the message lists the known ones.</exception>
    public static IReadOnlyList<string> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException($"The toolset list is empty; name one or more of: {string.Join(", ", s_all)} (or all).", nameof(list));
        }

        if (names.Any(n => n.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            return s_all;
        }

        foreach (var name in names)
        {
            if (!s_known.Contains(name))
            {
                throw new ArgumentException($"Unknown toolset '{name}'; the toolsets are: {string.Join(", ", s_all)} (or all).", nameof(list));
            }
        }

        return [.. s_all.Where(t => names.Contains(t, StringComparer.OrdinalIgnoreCase))];
    }
}
