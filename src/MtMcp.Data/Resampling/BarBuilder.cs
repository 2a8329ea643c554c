using MtMcp.Domain;

namespace MtMcp.Data.Resampling;

/// <summary>
/// Builds bars of one symbol and one timeframe from ticks fed one at a time, updating the forming bar in
/// place and reporting each bar as it completes. Its bars are identical to <see cref="BarResampler"/>'s
/// for the same ticks.
/// </summary>
/// <remarks>Not thread-safe: one builder per symbol and timeframe, fed from one thread.</remarks>
public sealed class BarBuilder
{
    private BarAccumulator _bar;
    private long _lastTimeMs = long.MinValue;

    // The end of the last completed bar: a later tick inside it would open a second bar for that period.
    private long _completedUntilMs = long.MinValue;

    /// <summary>Creates a builder.</summary>
    /// <param name="timeframe">The bar timeframe.</param>
    /// <param name="point">The symbol's point, &gt; 0, to express spreads in points.</param>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not an MT5 timeframe or the point is not positive.</exception>
    public BarBuilder(Timeframe timeframe, double point)
    {
        BarResampler.CheckArguments(timeframe, point);
        Timeframe = timeframe;
        Point = point;
    }

    /// <summary>The bar timeframe.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>The symbol's point used for spreads.</summary>
    public double Point { get; }

    /// <summary>Whether a bar is forming (a tick has arrived since the start or the last completion).</summary>
    public bool HasBar { get; private set; }

    /// <summary>The forming bar as it stands.</summary>
    /// <exception cref="InvalidOperationException">No bar is forming.</exception>
    public Bar Current => HasBar ? _bar.ToBar(Point) : throw new InvalidOperationException("No bar is forming: no tick has arrived yet.");

    /// <summary>
    /// Adds a tick. When it falls after the forming bar's period, that bar is complete: it is returned in
    /// <paramref name="completed"/> and the tick opens the next bar.
    /// </summary>
    /// <param name="timeMs">Tick time, Unix milliseconds UTC, not earlier than the previous tick.</param>
    /// <param name="bid">Bid price.</param>
    /// <param name="ask">Ask price.</param>
    /// <param name="volume">Tick volume (0 for forex).</param>
    /// <param name="completed">The completed bar when the method returns true.</param>
    /// <returns>Whether a bar completed.</returns>
    /// <exception cref="ArgumentException">
    /// The tick is earlier than the previous one, or falls in a bar already completed by <see cref="TryComplete"/>
    /// or <see cref="TryCompleteAt"/>.
    /// </exception>
    public bool Add(long timeMs, double bid, double ask, double volume, out Bar completed)
    {
        if (timeMs < _lastTimeMs)
        {
            throw BarResampler.OutOfOrder(timeMs, _lastTimeMs, nameof(timeMs));
        }

        if (timeMs < _completedUntilMs)
        {
            throw new ArgumentException(
                $"A tick at {DateTimeOffset.FromUnixTimeMilliseconds(timeMs):O} falls in a bar already completed (it ended at {DateTimeOffset.FromUnixTimeMilliseconds(_completedUntilMs):O}).",
                nameof(timeMs));
        }

        _lastTimeMs = timeMs;
        if (HasBar && timeMs < _bar.EndMs)
        {
            _bar.Add(bid, ask, volume);
            completed = default;
            return false;
        }

        var done = HasBar;
        completed = done ? _bar.ToBar(Point) : default;
        _bar.Start(Timeframe, timeMs, bid, ask, volume);
        HasBar = true;
        return done;
    }

    /// <summary>Adds a tick; see <see cref="Add(long, double, double, double, out Bar)"/>.</summary>
    /// <exception cref="ArgumentException">The tick is earlier than the previous one or falls in a completed bar.</exception>
    public bool Add(in Tick tick, out Bar completed) => Add(tick.TimeMs, tick.Bid, tick.Ask, tick.Volume, out completed);

    /// <summary>
    /// Completes the forming bar if its period has ended by <paramref name="nowMs"/> (a clock tick with no
    /// price, so a bar closes on time in a quiet market).
    /// </summary>
    public bool TryCompleteAt(long nowMs, out Bar completed)
    {
        if (!HasBar || nowMs < _bar.EndMs)
        {
            completed = default;
            return false;
        }

        return TryComplete(out completed);
    }

    /// <summary>
    /// Completes the forming bar now (at the end of the data), whatever the time; later ticks must fall after
    /// its period.
    /// </summary>
    public bool TryComplete(out Bar completed)
    {
        if (!HasBar)
        {
            completed = default;
            return false;
        }

        completed = _bar.ToBar(Point);
        _completedUntilMs = _bar.EndMs;
        HasBar = false;
        return true;
    }
}
