using MtMcp.Domain;

namespace MtMcp.Data.Resampling;

// Ticks → bars.
public static partial class BarResampler
{
    /// <summary>Builds bars from tick columns into <paramref name="destination"/> and returns how many were written.</summary>
    /// <param name="timeMs">Tick times, Unix milliseconds UTC, non-decreasing.</param>
    /// <param name="bid">Bid prices.</param>
    /// <param name="ask">Ask prices.</param>
    /// <param name="volume">Tick volumes (0 for forex).</param>
    /// <param name="timeframe">The bar timeframe.</param>
    /// <param name="point">The symbol's point, &gt; 0, to express spreads in points.</param>
    /// <param name="destination">Receives the bars; at most one bar per tick, so <c>timeMs.Length</c> always suffices.</param>
    /// <exception cref="ArgumentException">The columns differ in length, the ticks go back in time, or the destination is too small.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not an MT5 timeframe or the point is not positive.</exception>
    public static int TicksToBars(
        ReadOnlySpan<long> timeMs,
        ReadOnlySpan<double> bid,
        ReadOnlySpan<double> ask,
        ReadOnlySpan<double> volume,
        Timeframe timeframe,
        double point,
        Span<Bar> destination)
    {
        if (bid.Length != timeMs.Length || ask.Length != timeMs.Length || volume.Length != timeMs.Length)
        {
            throw new ArgumentException(
                $"The tick columns differ in length: time {timeMs.Length}, bid {bid.Length}, ask {ask.Length}, volume {volume.Length}.",
                nameof(bid));
        }

        return Build(new TickColumns(timeMs, bid, ask, volume), timeframe, point, destination);
    }

    /// <summary>Builds bars from ticks into <paramref name="destination"/> and returns how many were written.</summary>
    /// <param name="ticks">The ticks, non-decreasing in time; <see cref="Tick.Volume"/> feeds the real volume.</param>
    /// <param name="timeframe">The bar timeframe.</param>
    /// <param name="point">The symbol's point, &gt; 0, to express spreads in points.</param>
    /// <param name="destination">Receives the bars; <c>ticks.Length</c> bars always suffice.</param>
    /// <exception cref="ArgumentException">The ticks go back in time or the destination is too small.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not an MT5 timeframe or the point is not positive.</exception>
    public static int TicksToBars(ReadOnlySpan<Tick> ticks, Timeframe timeframe, double point, Span<Bar> destination) =>
        Build(new TickRows(ticks), timeframe, point, destination);

    /// <summary>Builds bars from ticks into a new array of exactly the bars built.</summary>
    /// <exception cref="ArgumentException">The ticks go back in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not an MT5 timeframe or the point is not positive.</exception>
    public static Bar[] TicksToBars(ReadOnlySpan<Tick> ticks, Timeframe timeframe, double point)
    {
        var buffer = new Bar[ticks.Length];
        var count = TicksToBars(ticks, timeframe, point, buffer);
        return count == buffer.Length ? buffer : buffer.AsSpan(0, count).ToArray();
    }

    internal static void CheckArguments(Timeframe timeframe, double point)
    {
        if (!Timeframes.IsDefined(timeframe))
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Not an MT5 timeframe.");
        }

        if (!(point > 0) || double.IsInfinity(point))
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, "The point must be a positive number (e.g. 0.00001 for a 5-digit forex quote).");
        }
    }

    internal static ArgumentException OutOfOrder(long timeMs, long previousMs, string paramName) => new(
        $"A tick at {DateTimeOffset.FromUnixTimeMilliseconds(timeMs):O} is earlier than the tick before it "
        + $"at {DateTimeOffset.FromUnixTimeMilliseconds(previousMs):O}; ticks must be in time order.",
        paramName);

    // One loop for both tick layouts; the JIT compiles it once per ref-struct source, with no interface calls.
    private static int Build<TTicks>(scoped TTicks ticks, Timeframe timeframe, double point, Span<Bar> destination)
        where TTicks : ITickSource, allows ref struct
    {
        CheckArguments(timeframe, point);
        var length = ticks.Length;
        if (length == 0)
        {
            return 0;
        }

        var count = 0;
        var bar = default(BarAccumulator);
        var previous = ticks.TimeMs(0);
        bar.Start(timeframe, previous, ticks.Bid(0), ticks.Ask(0), ticks.Volume(0));
        for (var i = 1; i < length; i++)
        {
            var time = ticks.TimeMs(i);
            if (time < bar.EndMs)
            {
                if (time < previous)
                {
                    throw OutOfOrder(time, previous, nameof(ticks));
                }

                bar.Add(ticks.Bid(i), ticks.Ask(i), ticks.Volume(i));
            }
            else
            {
                Emit(destination, ref count, bar.ToBar(point));
                bar.Start(timeframe, time, ticks.Bid(i), ticks.Ask(i), ticks.Volume(i));
            }

            previous = time;
        }

        Emit(destination, ref count, bar.ToBar(point));
        return count;
    }

    private interface ITickSource
    {
        int Length { get; }

        long TimeMs(int index);

        double Bid(int index);

        double Ask(int index);

        double Volume(int index);
    }

    private readonly ref struct TickColumns(ReadOnlySpan<long> timeMs, ReadOnlySpan<double> bid, ReadOnlySpan<double> ask, ReadOnlySpan<double> volume)
        : ITickSource
    {
        private readonly ReadOnlySpan<long> _timeMs = timeMs;
        private readonly ReadOnlySpan<double> _bid = bid;
        private readonly ReadOnlySpan<double> _ask = ask;
        private readonly ReadOnlySpan<double> _volume = volume;

        public int Length => _timeMs.Length;

        public long TimeMs(int index) => _timeMs[index];

        public double Bid(int index) => _bid[index];

        public double Ask(int index) => _ask[index];

        public double Volume(int index) => _volume[index];
    }

    private readonly ref struct TickRows(ReadOnlySpan<Tick> ticks) : ITickSource
    {
        private readonly ReadOnlySpan<Tick> _ticks = ticks;

        public int Length => _ticks.Length;

        public long TimeMs(int index) => _ticks[index].TimeMs;

        public double Bid(int index) => _ticks[index].Bid;

        public double Ask(int index) => _ticks[index].Ask;

        public double Volume(int index) => _ticks[index].Volume;
    }
}
