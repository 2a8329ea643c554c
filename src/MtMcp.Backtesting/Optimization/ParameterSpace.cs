using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>
/// The parameter combinations an optimisation searches: the cartesian product of one <see cref="ParameterRange"/> per
/// parameter. Combination <c>k</c> is numbered in mixed radix with the first parameter varying slowest (as nested loops
/// in declaration order).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ParameterSpace
{
    private readonly ParameterRange[] _ranges;
    private readonly int[] _counts;

    /// <summary>Creates the space of <paramref name="ranges"/> (distinct names, each valid).</summary>
    /// <exception cref="ArgumentException">A range is invalid or a name repeats.</exception>
    public ParameterSpace(IEnumerable<ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        _ranges = [.. ranges];
        _counts = new int[_ranges.Length];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        decimal count = 1;
        for (var i = 0; i < _ranges.Length; i++)
        {
            _ranges[i].Validate();
            if (!names.Add(_ranges[i].Name))
            {
                throw new ArgumentException($"Parameter '{_ranges[i].Name}' is given twice.", nameof(ranges));
            }

            _counts[i] = _ranges[i].Count;
            count *= _counts[i];
        }

        Count = count > long.MaxValue / 2 ? long.MaxValue : (long)count;
    }

    /// <summary>The ranges, in order.</summary>
    public IReadOnlyList<ParameterRange> Ranges => _ranges;

    /// <summary>Number of combinations (saturates at <see cref="long.MaxValue"/>).</summary>
    public long Count { get; }

    /// <summary>The ranges with more than one value, i.e. the parameters actually searched.</summary>
    public IEnumerable<ParameterRange> Varied => _ranges.Where(r => r.Count > 1);

    /// <summary>
    /// The space of a strategy's declared parameters: each with a step is searched over [min, max], the others stay at
    /// their default; <paramref name="overrides"/> (<c>name=start:stop:step</c>, <c>name=start:stop</c> or <c>name=value</c>)
    /// replace a declared range or fix a value. With no declarations (a C# strategy), the overrides alone make the space.
    /// </summary>
    /// <exception cref="ArgumentException">An override is malformed, names no declared parameter, or leaves the declared [min, max].</exception>
    public static ParameterSpace Create(IReadOnlyList<ParameterLimits> declared, IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(overrides);
        var ranges = new List<ParameterRange>(declared.Count);
        foreach (var p in declared)
        {
            ranges.Add(p.Step > 0 && p.Max > p.Min ? new ParameterRange(p.Name, p.Min, p.Max, p.Step) : new ParameterRange(p.Name, p.Default, p.Default, 0));
        }

        foreach (var text in overrides)
        {
            var index = declared.Count == 0 ? -1 : IndexOf(declared, text);
            var range = ParseOverride(text, index < 0 ? 1 : declared[index].Step is > 0 and var s ? s : 1);
            if (declared.Count == 0)
            {
                ranges.Add(range);
                continue;
            }

            if (index < 0)
            {
                throw new ArgumentException($"The strategy has no parameter '{range.Name}'; it has: {string.Join(", ", declared.Select(p => p.Name))}.");
            }

            var limits = declared[index];
            var last = range.ValueAt(range.Count - 1);
            if (range.Start < limits.Min || last > limits.Max)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Parameter '{range}' leaves the declared range [{limits.Min}, {limits.Max}] of {limits.Name}."));
            }

            ranges[index] = range with { Name = limits.Name };
        }

        return new ParameterSpace(ranges);
    }

    /// <summary>The value indices of combination <paramref name="index"/>, written into <paramref name="genes"/>.</summary>
    public void Decode(long index, Span<int> genes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        for (var i = _ranges.Length - 1; i >= 0; i--)
        {
            genes[i] = (int)(index % _counts[i]);
            index /= _counts[i];
        }
    }

    /// <summary>The combination number of value indices <paramref name="genes"/>.</summary>
    public long Encode(ReadOnlySpan<int> genes)
    {
        long index = 0;
        for (var i = 0; i < _ranges.Length; i++)
        {
            index = (index * _counts[i]) + genes[i];
        }

        return index;
    }

    /// <summary>Number of values of parameter <paramref name="dimension"/>.</summary>
    public int CountOf(int dimension) => _counts[dimension];

    /// <summary>The parameter values of combination <paramref name="index"/>, in range order.</summary>
    public double[] Values(long index)
    {
        Span<int> genes = stackalloc int[_ranges.Length];
        Decode(index, genes);
        var values = new double[_ranges.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _ranges[i].ValueAt(genes[i]);
        }

        return values;
    }

    /// <summary>A fresh <see cref="StrategyParameters"/> (one per run: it records what the strategy read) for <paramref name="values"/>.</summary>
    public StrategyParameters Parameters(ReadOnlySpan<double> values)
    {
        var parameters = new StrategyParameters();
        for (var i = 0; i < _ranges.Length; i++)
        {
            parameters.Set(_ranges[i].Name, values[i]);
        }

        return parameters;
    }

    /// <summary>The values as <c>name=value</c> pairs joined by spaces, for messages and tables.</summary>
    public string Describe(ReadOnlySpan<double> values)
    {
        var parts = new string[_ranges.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = string.Create(CultureInfo.InvariantCulture, $"{_ranges[i].Name}={values[i]}");
        }

        return string.Join(' ', parts);
    }

    private static int IndexOf(IReadOnlyList<ParameterLimits> declared, string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var name = eq > 0 ? text[..eq].Trim() : text;
        for (var i = 0; i < declared.Count; i++)
        {
            if (string.Equals(declared[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static ParameterRange ParseOverride(string text, double defaultStep)
    {
        try
        {
            return ParameterRange.Parse(text, defaultStep);
        }
        catch (FormatException error)
        {
            throw new ArgumentException(error.Message, error);
        }
    }
}
