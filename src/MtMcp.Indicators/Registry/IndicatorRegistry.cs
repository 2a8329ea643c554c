using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MtMcp.Indicators;

/// <summary>Every indicator by name: the TA-Lib functions and the MetaTrader classics.</summary>
public static partial class IndicatorRegistry
{
    private static readonly Indicator[] s_all = [.. Collect().OrderBy(i => i.Name, StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, Indicator> s_byName =
        s_all.ToFrozenDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>All indicators, by name.</summary>
    public static IReadOnlyList<Indicator> All => s_all;

    /// <summary>Finds an indicator by name, case-insensitively.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Indicator? indicator) => s_byName.TryGetValue(name, out indicator);

    /// <summary>The indicator called <paramref name="name"/>.</summary>
    /// <exception cref="IndicatorException">No such indicator; the message suggests close names.</exception>
    public static Indicator Get(string name)
    {
        if (TryGet(name, out var indicator))
        {
            return indicator;
        }

        var similar = s_all.Where(i => i.Name.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(i.Name, StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Name).Take(8).ToList();
        var hint = similar.Count > 0 ? $" Did you mean {string.Join(", ", similar)}?" : " List them with `mtmcp indicator --list`.";
        throw new IndicatorException($"Unknown indicator '{name}'.{hint}", "name");
    }

    private static IEnumerable<Indicator> Collect() =>
        OverlapStudies()
            .Concat(MomentumIndicators())
            .Concat(MomentumMaBased())
            .Concat(VolumeVolatilityAndPrice())
            .Concat(CycleIndicators())
            .Concat(StatisticAndMath())
            .Concat(PatternRecognition())
            .Concat(MetaTraderIndicators());

    // Each group lists its indicators in its own file under Registry/.
    private static partial IEnumerable<Indicator> OverlapStudies();

    private static partial IEnumerable<Indicator> MomentumIndicators();

    private static partial IEnumerable<Indicator> MomentumMaBased();

    private static partial IEnumerable<Indicator> VolumeVolatilityAndPrice();

    private static partial IEnumerable<Indicator> CycleIndicators();

    private static partial IEnumerable<Indicator> StatisticAndMath();

    private static partial IEnumerable<Indicator> PatternRecognition();

    private static partial IEnumerable<Indicator> MetaTraderIndicators();
}
