namespace MtMcp.Indicators;

/// <summary>One parameter of an indicator: TA-Lib's optIn name in snake_case, its default and range.</summary>
/// <param name="Name">snake_case name, e.g. <c>time_period</c>, <c>nb_dev_up</c>, <c>ma_type</c>.</param>
/// <param name="Kind">Integer, real or MA type.</param>
/// <param name="Default">Default value (an MA type as its number).</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Description">What it controls.</param>
/// <param name="Aliases">Friendlier names accepted too (<c>period</c> for <c>time_period</c>).</param>
public sealed record ParameterInfo(string Name, ParameterKind Kind, double Default, double Min, double Max, string Description, IReadOnlyList<string> Aliases)
{
    /// <summary>The usual <c>time_period</c> parameter (alias <c>period</c>).</summary>
    public static ParameterInfo TimePeriod(int defaultValue, int min = 2, int max = 100_000) =>
        new("time_period", ParameterKind.Integer, defaultValue, min, max, "Number of bars in the window", ["period"]);

    /// <summary>An integer parameter.</summary>
    public static ParameterInfo Integer(string name, int defaultValue, int min, int max, string description, params string[] aliases) =>
        new(name, ParameterKind.Integer, defaultValue, min, max, description, aliases);

    /// <summary>A real parameter.</summary>
    public static ParameterInfo Real(string name, double defaultValue, double min, double max, string description, params string[] aliases) =>
        new(name, ParameterKind.Real, defaultValue, min, max, description, aliases);

    /// <summary>A moving-average type parameter.</summary>
    public static ParameterInfo MovingAverage(string name, MaType defaultValue, string description, params string[] aliases) =>
        new(name, ParameterKind.MaType, (int)defaultValue, 0, 8, description, aliases);
}
