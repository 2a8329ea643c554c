using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>Named numeric parameters of a strategy run (names are case-insensitive).</summary>
public sealed class StrategyParameters
{
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>No parameters: every strategy uses its defaults.</summary>
    public static StrategyParameters Empty => new();

    /// <summary>The parameters given, by name.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>Sets a parameter.</summary>
    /// <exception cref="ArgumentException">The value is not finite.</exception>
    public StrategyParameters Set(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Parameter '{name}' must be a finite number, not {value.ToString(CultureInfo.InvariantCulture)}.", nameof(value));
        }

        _values[name] = value;
        return this;
    }

    /// <summary>Parses <c>name=value</c> pairs (invariant culture).</summary>
    /// <exception cref="FormatException">A pair is not <c>name=number</c>.</exception>
    public static StrategyParameters Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var parameters = new StrategyParameters();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(pair.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new FormatException($"Parameter '{pair}' is not name=number (e.g. fast=10, with '.' as the decimal point).");
            }

            parameters.Set(pair[..eq].Trim(), value);
        }

        return parameters;
    }

    /// <summary>A number parameter, or <paramref name="defaultValue"/> when not given.</summary>
    public double Number(string name, double defaultValue)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : defaultValue;
    }

    /// <summary>A whole-number parameter in [<paramref name="min"/>, <paramref name="max"/>], or the default.</summary>
    /// <exception cref="ArgumentException">The value given is not a whole number in range.</exception>
    public int Integer(string name, int defaultValue, int min = 1, int max = int.MaxValue)
    {
        var value = Number(name, defaultValue);
        if (value != Math.Floor(value) || value < min || value > max)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Parameter '{name}' must be a whole number in [{min}, {max}], not {value}."));
        }

        return (int)value;
    }

    /// <summary>Throws when a parameter was given that the strategy never read (a typo would otherwise pass silently).</summary>
    /// <exception cref="ArgumentException">An unknown parameter.</exception>
    public void ThrowOnUnread(string strategy)
    {
        foreach (var name in _values.Keys)
        {
            if (!_read.Contains(name))
            {
                throw new ArgumentException($"Strategy {strategy} has no parameter '{name}'; it reads: {string.Join(", ", _read)}.");
            }
        }
    }
}
