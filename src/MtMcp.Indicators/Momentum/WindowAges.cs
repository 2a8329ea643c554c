using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Batch form of AROON's lines: for every window of <c>period + 1</c> bars, how many bars ago its extreme came (the
/// newest among equal values, as <see cref="WindowExtreme.Scan{TOrder}"/> finds it), without branches on the data.
/// Van Herk / Gil–Werman on positions: the bars form blocks of <c>period + 1</c> counted from bar 0; a window ending
/// in block k is a suffix of block k − 1 and a prefix of block k, so its extreme is the better of the suffix's
/// (worked out backwards over block k − 1 when block k starts) and the prefix's (a running extreme), the prefix's on
/// a tie since it is newer. Extremes are exact, so the positions equal those of a rescan.
/// </summary>
internal static class WindowAges
{
    // Scratch entries on the stack up to this many, else rented.
    private const int StackLimit = 512;

    /// <summary>
    /// Writes <c>factor·(period − age)</c> into <paramref name="output"/> for every bar from <paramref name="period"/> on,
    /// age being how many bars before that bar its window's extreme came.
    /// </summary>
    public static void Line<TOrder>(ReadOnlySpan<double> values, int period, double factor, Span<double> output)
        where TOrder : struct, WindowExtreme.IOrder
    {
        var window = period + 1;
        if (values.Length <= period)
        {
            return;
        }

        int[]? rentedPositions = null;
        double[]? rentedValues = null;
        var suffixPosition = window <= StackLimit ? stackalloc int[StackLimit] : (rentedPositions = ArrayPool<int>.Shared.Rent(window));
        var suffixValue = window <= StackLimit ? stackalloc double[StackLimit] : (rentedValues = ArrayPool<double>.Shared.Rent(window));
        try
        {
            for (var start = 0; start < values.Length; start += window)
            {
                if (start > 0)
                {
                    Suffixes<TOrder>(values.Slice(start - window, window), suffixPosition, suffixValue);
                }

                Prefixes<TOrder>(values, start, Math.Min(window, values.Length - start), period, factor, suffixPosition, suffixValue, output);
            }
        }
        finally
        {
            if (rentedPositions is not null)
            {
                ArrayPool<int>.Shared.Return(rentedPositions);
                ArrayPool<double>.Shared.Return(rentedValues!);
            }
        }
    }

    /// <summary>The extreme of each suffix of <paramref name="block"/> that starts after its first bar, and its position (the oldest wins a tie: the newer bar is in the prefix).</summary>
    private static void Suffixes<TOrder>(ReadOnlySpan<double> block, Span<int> positions, Span<double> extremes)
        where TOrder : struct, WindowExtreme.IOrder
    {
        var last = block.Length - 1;
        var (position, extreme) = (last, block[last]);
        positions[last] = position;
        extremes[last] = extreme;
        for (var q = last - 1; q >= 1; q--)
        {
            // Strictly better only: on a tie the newer position stays.
            var value = block[q];
            position = Choose(!TOrder.Replaces(extreme, value), q, position);
            extreme = TOrder.Extreme(extreme, value);
            positions[q] = position;
            extremes[q] = extreme;
        }
    }

    /// <summary>
    /// <paramref name="a"/> when <paramref name="condition"/>, else <paramref name="b"/>, without a branch: which bar
    /// holds the extreme changes at random on market data, and a mispredicted branch costs more than the whole step.
    /// </summary>
    private static int Choose(bool condition, int a, int b)
    {
        var mask = -(condition ? 1 : 0);
        return b ^ ((a ^ b) & mask);
    }

    /// <summary>Runs the prefix of the block at <paramref name="start"/> and writes the line of every window ending in it.</summary>
    private static void Prefixes<TOrder>(
        ReadOnlySpan<double> values, int start, int count, int period, double factor,
        ReadOnlySpan<int> suffixPosition, ReadOnlySpan<double> suffixValue, Span<double> output)
        where TOrder : struct, WindowExtreme.IOrder
    {
        var window = period + 1;
        var (position, extreme) = (0, values[start]);
        for (var p = 0; p < count; p++)
        {
            var value = values[start + p];
            position = Choose(TOrder.Replaces(value, extreme), p, position);
            extreme = TOrder.Extreme(extreme, value);
            var today = start + p;
            if (today < period)
            {
                continue;
            }

            // The whole block is the window at its last bar; before it, the window reaches back into the block before.
            int at;
            if (p == window - 1)
            {
                at = start + position;
            }
            else
            {
                at = Choose(TOrder.Replaces(extreme, suffixValue[p + 1]), start + position, start - window + suffixPosition[p + 1]);
            }

            output[today] = Aroon.Line(factor, period, today - at);
        }
    }
}
