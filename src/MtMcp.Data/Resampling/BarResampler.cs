using MtMcp.Domain;

namespace MtMcp.Data.Resampling;

/// <summary>
/// Builds bars by MetaTrader 5's rules, keyed by open time (<see cref="Timeframes.BarOpenTime"/>):
/// from ticks (OHLC from bid, tick volume = number of ticks, spread = the smallest ask − bid in points,
/// rounded, crossed quotes counting as 0, real volume = the sum of the ticks' volumes, 0 for forex), or from
/// bars of a shorter timeframe (open of the first, highest high, lowest low, close of the last, tick and real
/// volumes summed, the smallest spread). Batch and zero-allocation over spans; <see cref="BarBuilder"/>
/// streams ticks into identical bars.
/// </summary>
/// <remarks>
/// Each tick or bar is compared with the current bar's end; the calendar arithmetic runs once per output
/// bar, not per input. Inputs must be in time order; tick prices are taken as valid (the importer checks
/// them). Thread-safe.
/// </remarks>
public static partial class BarResampler
{
    /// <summary>Merges <paramref name="source"/> bars into <paramref name="destination"/> and returns how many were written.</summary>
    /// <param name="source">Bars in strictly increasing time order.</param>
    /// <param name="sourceTimeframe">The timeframe of the source bars.</param>
    /// <param name="targetTimeframe">The timeframe to build: equal to or longer than the source, made of whole source bars.</param>
    /// <param name="destination">Receives the bars; <c>source.Length</c> always suffices.</param>
    /// <exception cref="ArgumentException">
    /// The target is shorter than the source, the source does not divide the target's periods, the source
    /// is not in increasing time order, or the destination is too small.
    /// </exception>
    public static int Resample(ReadOnlySpan<Bar> source, Timeframe sourceTimeframe, Timeframe targetTimeframe, Span<Bar> destination)
    {
        EnsureCompatible(sourceTimeframe, targetTimeframe);
        return Merge(source, targetTimeframe, destination);
    }

    /// <summary>Merges bars into a new array of exactly the bars built; see <see cref="Resample(ReadOnlySpan{Bar}, Timeframe, Timeframe, Span{Bar})"/>.</summary>
    /// <exception cref="ArgumentException">The timeframes are incompatible or the source is not in increasing time order.</exception>
    public static Bar[] Resample(ReadOnlySpan<Bar> source, Timeframe sourceTimeframe, Timeframe targetTimeframe)
    {
        EnsureCompatible(sourceTimeframe, targetTimeframe);
        return Merge(source, targetTimeframe);
    }

    /// <summary>
    /// Whether bars of <paramref name="source"/> can be merged into <paramref name="target"/>: the target is
    /// not shorter and each target period is made of whole source periods (so W1 cannot become MN1, nor H8 H12).
    /// </summary>
    public static bool CanResample(Timeframe source, Timeframe target) => Problem(source, target) is null;

    /// <exception cref="ArgumentException">Bars of <paramref name="source"/> cannot be merged into <paramref name="target"/>.</exception>
    internal static void EnsureCompatible(Timeframe source, Timeframe target)
    {
        if (Problem(source, target) is { } problem)
        {
            throw new ArgumentException($"Cannot resample {source} bars to {target}: {problem}.", nameof(target));
        }
    }

    /// <summary>Merges bars of any spacing (e.g. LEAN seconds) into <paramref name="target"/> bars.</summary>
    internal static Bar[] Merge(ReadOnlySpan<Bar> source, Timeframe target)
    {
        var buffer = new Bar[source.Length];
        var count = Merge(source, target, buffer);
        return count == buffer.Length ? buffer : buffer.AsSpan(0, count).ToArray();
    }

    internal static int Merge(ReadOnlySpan<Bar> source, Timeframe target, Span<Bar> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        var merged = Open(source[0], target, out var periodEnd);
        for (var i = 1; i < source.Length; i++)
        {
            var bar = source[i];
            if (bar.Time <= source[i - 1].Time)
            {
                throw new ArgumentException(
                    $"Source bar {i} at {bar.OpenTime:O} does not come after the bar before it at {source[i - 1].OpenTime:O}; bars must be in strictly increasing time order.",
                    nameof(source));
            }

            if (bar.Time < periodEnd)
            {
                merged = merged with
                {
                    High = Math.Max(merged.High, bar.High),
                    Low = Math.Min(merged.Low, bar.Low),
                    Close = bar.Close,
                    TickVolume = merged.TickVolume + bar.TickVolume,
                    Spread = Math.Min(merged.Spread, bar.Spread),
                    RealVolume = merged.RealVolume + bar.RealVolume,
                };
            }
            else
            {
                Emit(destination, ref count, merged);
                merged = Open(bar, target, out periodEnd);
            }
        }

        Emit(destination, ref count, merged);
        return count;
    }

    private static Bar Open(in Bar bar, Timeframe target, out long periodEnd)
    {
        var openTime = target.BarOpenTime(bar.Time);
        periodEnd = target.NextBarOpenTime(openTime);
        return bar with { Time = openTime };
    }

    private static void Emit(Span<Bar> destination, ref int count, in Bar bar)
    {
        if (count == destination.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bars and the input makes more; size it to the input's length (one bar per tick or source bar at most).", nameof(destination));
        }

        destination[count++] = bar;
    }

    private static string? Problem(Timeframe source, Timeframe target)
    {
        if (!Timeframes.IsDefined(source) || !Timeframes.IsDefined(target))
        {
            return "both must be MT5 timeframes";
        }

        if (target.Seconds() < source.Seconds())
        {
            return $"{target} is shorter than {source}; bars can only be merged into an equal or longer timeframe";
        }

        var divides = source == target
            || (target == Timeframe.MN1 ? Timeframe.D1.Seconds() % source.Seconds() == 0
                : source is not (Timeframe.W1 or Timeframe.MN1) && target.Seconds() % source.Seconds() == 0);
        return divides ? null : $"a {target} period is not made of whole {source} bars, so some {source} bars would straddle two {target} bars";
    }
}
