using System.Globalization;

namespace MtMcp.Indicators;

/// <summary>
/// Validated parameter values of one indicator, in the order of <see cref="IndicatorInfo.Parameters"/>.
/// Immutable.
/// </summary>
public sealed class IndicatorParameters
{
    private readonly double[] _values;

    private IndicatorParameters(IndicatorInfo info, double[] values)
    {
        Info = info;
        _values = values;
    }

    /// <summary>The indicator these values belong to.</summary>
    public IndicatorInfo Info { get; }

    /// <summary>Number of parameters.</summary>
    public int Count => _values.Length;

    /// <summary>The defaults of <paramref name="info"/>.</summary>
    public static IndicatorParameters Defaults(IndicatorInfo info) =>
        new(info, [.. info.Parameters.Select(p => p.Default)]);

    /// <summary>
    /// Binds named values (snake_case names or aliases, case-insensitive; MA types by name or number) over the defaults.
    /// </summary>
    /// <exception cref="IndicatorException">An unknown name, a value that is not a number, not whole, or out of range.</exception>
    public static IndicatorParameters Bind(IndicatorInfo info, IEnumerable<KeyValuePair<string, string>> values)
    {
        var bound = info.Parameters.Select(p => p.Default).ToArray();
        foreach (var (name, text) in values)
        {
            var index = info.IndexOfParameter(name);
            if (index < 0)
            {
                var allowed = info.Parameters.Count == 0
                    ? "it takes no parameters"
                    : "allowed: " + string.Join(", ", info.Parameters.Select(Describe));
                throw new IndicatorException($"{info.Name} has no parameter '{name}'; {allowed}.", name);
            }

            bound[index] = Parse(info, info.Parameters[index], text);
        }

        return new IndicatorParameters(info, bound);
    }

    /// <summary>Binds numeric values given in the parameters' order (as TA-Lib's optIn arguments).</summary>
    /// <exception cref="IndicatorException">Wrong count, or a value out of range.</exception>
    public static IndicatorParameters FromValues(IndicatorInfo info, params double[] values)
    {
        if (values.Length != info.Parameters.Count)
        {
            throw new IndicatorException($"{info.Name} takes {info.Parameters.Count} parameters, not {values.Length}.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            Check(info, info.Parameters[i], values[i]);
        }

        return new IndicatorParameters(info, [.. values]);
    }

    /// <summary>The value of parameter <paramref name="index"/> as a whole number.</summary>
    public int Int(int index) => (int)_values[index];

    /// <summary>The value of parameter <paramref name="index"/> as a real number.</summary>
    public double Real(int index) => _values[index];

    /// <summary>The value of parameter <paramref name="index"/> as an MA type.</summary>
    public MaType Ma(int index) => (MaType)(int)_values[index];

    /// <summary>The value of the parameter called <paramref name="name"/>.</summary>
    public double this[string name] => _values[Info.IndexOfParameter(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name)];

    /// <summary>The values as <c>name=value</c> pairs, for display.</summary>
    public override string ToString() =>
        string.Join(", ", Info.Parameters.Select((p, i) => $"{p.Name}={Format(p, _values[i])}"));

    private static double Parse(IndicatorInfo info, ParameterInfo parameter, string text)
    {
        double value;
        if (parameter.Kind == ParameterKind.MaType && Enum.TryParse<MaType>(text.Trim(), ignoreCase: true, out var ma) && !char.IsDigit(text.Trim()[0]))
        {
            value = (int)ma;
        }
        else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            throw new IndicatorException(
                $"{info.Name}: {parameter.Name} must be {KindText(parameter)}, not '{text}'; allowed: {Range(parameter)}.", parameter.Name);
        }

        Check(info, parameter, value);
        return value;
    }

    private static void Check(IndicatorInfo info, ParameterInfo parameter, double value)
    {
        if (!double.IsFinite(value) || value < parameter.Min || value > parameter.Max
            || (parameter.Kind != ParameterKind.Real && value != Math.Floor(value)))
        {
            throw new IndicatorException(
                $"{info.Name}: {parameter.Name} = {Format(parameter, value)} is not allowed; allowed: {Range(parameter)}.", parameter.Name);
        }
    }

    private static string KindText(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.Integer => "a whole number",
        ParameterKind.MaType => "a moving-average type",
        _ => "a number",
    };

    private static string Range(ParameterInfo parameter) => parameter.Kind == ParameterKind.MaType
        ? string.Join(", ", Enum.GetValues<MaType>().Select(m => $"{m.ToString().ToLowerInvariant()} ({(int)m})"))
        : string.Create(CultureInfo.InvariantCulture, $"{KindText(parameter)} from {parameter.Min} to {parameter.Max}");

    private static string Describe(ParameterInfo parameter) =>
        parameter.Aliases.Count == 0 ? parameter.Name : $"{parameter.Name} ({string.Join(", ", parameter.Aliases)})";

    private static string Format(ParameterInfo parameter, double value) =>
        parameter.Kind == ParameterKind.MaType && value is >= 0 and <= 8 && value == Math.Floor(value)
            ? ((MaType)(int)value).ToString().ToLowerInvariant()
            : value.ToString(CultureInfo.InvariantCulture);
}
