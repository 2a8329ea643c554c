using System.Collections.Concurrent;

namespace MtMcp.Risk;

/// <summary>A fixed table of return series, set by the host (from stored bars) or a test.</summary>
/// <remarks>Thread-safe.</remarks>
[Mutable]
public sealed class ReturnSeriesTable : IReturnSeriesProvider
{
    private readonly ConcurrentDictionary<string, double[]> _series = new(StringComparer.OrdinalIgnoreCase);
    private long _version;

    /// <inheritdoc/>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Sets the returns of <paramref name="symbol"/> (copied), oldest first.</summary>
    /// <exception cref="ArgumentException">A return is not finite.</exception>
    public ReturnSeriesTable Set(string symbol, ReadOnlySpan<double> returns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        foreach (var r in returns)
        {
            if (!double.IsFinite(r))
            {
                throw new ArgumentException($"The returns of {symbol} contain {r}; every return must be a finite number.", nameof(returns));
            }
        }

        _series[symbol] = returns.ToArray();
        Interlocked.Increment(ref _version);
        return this;
    }

    /// <summary>Sets the log returns of <paramref name="closes"/> (oldest first) for <paramref name="symbol"/>.</summary>
    public ReturnSeriesTable SetFromCloses(string symbol, ReadOnlySpan<double> closes)
    {
        var returns = new double[Math.Max(0, closes.Length - 1)];
        RiskMath.LogReturns(closes, returns);
        return Set(symbol, returns);
    }

    /// <inheritdoc/>
    public bool TryGetReturns(string symbol, out ReadOnlyMemory<double> returns)
    {
        if (_series.TryGetValue(symbol, out var series))
        {
            returns = series;
            return true;
        }

        returns = default;
        return false;
    }
}
