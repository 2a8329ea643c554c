using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>
/// The values one parameter takes in an optimisation: <c>Start, Start + Step, …</c> up to <c>Stop</c> (inclusive when on the
/// grid). A step of 0 (or <c>Start == Stop</c>) fixes the parameter at <c>Start</c>.
/// </summary>
/// <param name="Name">Parameter name (case-insensitive).</param>
/// <param name="Start">First value.</param>
/// <param name="Stop">Last value (≥ <paramref name="Start"/>).</param>
/// <param name="Step">Distance between values (&gt; 0), or 0 for a fixed value.</param>
public readonly record struct ParameterRange(string Name, double Start, double Stop, double Step)
{
    // Values are Start + i × Step; a relative tolerance keeps Stop in the range when the division lands a hair short of it.
    private const double Tolerance = 1e-9;

    /// <summary>The most values one range may have.</summary>
    public const int MaxValues = 1_000_000;

    /// <summary>How many values the range has (≥ 1).</summary>
    public int Count => Step == 0 || Start == Stop ? 1 : (int)Math.Floor(((Stop - Start) / Step) + Tolerance) + 1;

    /// <summary>Value <paramref name="index"/> (0 = <see cref="Start"/>), rounded to 12 significant decimals so 0.1 steps print as 0.3, not 0.30000000000000004.</summary>
    public double ValueAt(int index) => index == 0 ? Start : Math.Round(Start + (index * Step), 12);

    /// <summary>Checks that the range is finite, ordered and not too large.</summary>
    /// <exception cref="ArgumentException">What is wrong, naming the parameter.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A parameter range needs a name.");
        }

        if (!double.IsFinite(Start) || !double.IsFinite(Stop) || !double.IsFinite(Step))
        {
            throw new ArgumentException($"Parameter '{Name}': start, stop and step must be finite numbers.");
        }

        if (Step < 0 || Stop < Start || (Step == 0 && Stop != Start))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Parameter '{Name}' = {Start}:{Stop}:{Step} is not a range: write start:stop:step with start ≤ stop and step > 0 (or a single value)."));
        }

        if ((Stop - Start) / (Step == 0 ? 1 : Step) >= MaxValues)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Parameter '{Name}' = {Start}:{Stop}:{Step} has more than {MaxValues} values: use a larger step."));
        }
    }

    /// <summary>
    /// Parses <c>name=start:stop:step</c>, <c>name=start:stop</c> (step <paramref name="defaultStep"/>) or <c>name=value</c>
    /// (fixed), with '.' as the decimal point.
    /// </summary>
    /// <exception cref="FormatException">The text does not follow that syntax or the range is invalid.</exception>
    public static ParameterRange Parse(string text, double defaultStep = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var name = eq > 0 ? text[..eq].Trim() : string.Empty;
        var parts = eq > 0 ? text[(eq + 1)..].Split(':') : [];
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                parts = [];
                break;
            }
        }

        if (name.Length == 0 || parts.Length is 0 or > 3)
        {
            throw new FormatException($"Parameter '{text}' is not name=value, name=start:stop or name=start:stop:step (e.g. fast=5:50:5, '.' as the decimal point).");
        }

        var range = parts.Length switch
        {
            1 => new ParameterRange(name, numbers[0], numbers[0], 0),
            2 => new ParameterRange(name, numbers[0], numbers[1], numbers[0] == numbers[1] ? 0 : defaultStep),
            _ => new ParameterRange(name, numbers[0], numbers[1], numbers[2]),
        };
        try
        {
            range.Validate();
        }
        catch (ArgumentException error)
        {
            throw new FormatException(error.Message, error);
        }

        return range;
    }

    /// <summary>The range as <c>name=start:stop:step</c> (or <c>name=value</c> when fixed).</summary>
    public override string ToString() => Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}={Start}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}={Start}:{Stop}:{Step}");
}
