using System.Runtime.CompilerServices;

namespace MtMcp.Backtesting;

/// <summary>
/// MT5's "every tick" modelling (reference/backtest-stats.md B.2): the bid ticks of one bar generated from its open, high,
/// low, close and tick volume, evenly spaced in time over the bar. The caller adds the bar's fixed spread for the ask.
/// </summary>
/// <remarks>
/// <para>Tick volume 1: one tick at the close. 2: open, close. 3: open, the extreme with the longer shadow, close.
/// 4 and more: the open, then reference points over the open shadow (open → first extreme), the range (first → second
/// extreme) and the close shadow (second extreme → close), never more points than ticks and at most 11 after the open:
/// 1-1-1 points from 4 ticks, 1-3-1 from 6, 1-5-1 from 8 and the "ideal" 3-5-3 from 12. A bullish bar (close above
/// open) visits the low first, a bearish one the high first; a doji goes the opposite way of the bar before it. The
/// ticks beyond the reference points fill the legs between them in straight lines, shared out in proportion to each
/// leg's length in points. A tick volume of 0 (unknown) gives the 3-5-3 path alone (12 ticks).</para>
/// <para>MT5 does not publish the wave levels or how it fills between reference points; ours are: a 3-point leg goes
/// to 3/4 of its way, back to 1/2, then to its end; a 5-point leg to 2/5, back to 1/5, on to 4/5, back to 3/5, then to
/// its end. Reference and fill prices are whole points; the open, high, low and close are the bar's own values, so the
/// path touches them exactly (from 4 ticks on). Deterministic: no randomness. No allocation.</para>
/// </remarks>
public struct TickGenerator
{
    private const int MaxPoints = 12;
    private const long UnknownVolumeTicks = MaxPoints;

    // Exact powers of ten (Math.Pow per bar showed in the profile).
    private static readonly double[] s_scales = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    private static readonly double[] s_threePointLevels = [0.75, 0.5];
    private static readonly double[] s_fivePointLevels = [0.4, 0.2, 0.8, 0.6];

    private PriceBuffer _prices;
    private PointBuffer _points;
    private readonly long _count;
    private readonly long _fill;
    private readonly long _pathLength;
    private readonly long _startMs;
    private readonly long _lengthMs;
    private readonly double _scale;
    private int _referenceCount;
    private int _segment;
    private long _emitted;
    private long _segmentFill;
    private long _segmentDone;
    private long _walked;
    private long _fillBefore;

    /// <summary>Prepares the ticks of <paramref name="bar"/>.</summary>
    /// <param name="bar">The bar (bid prices, low ≤ open, close ≤ high).</param>
    /// <param name="lengthMs">The bar's length in milliseconds (60,000 for M1), &gt; 0.</param>
    /// <param name="digits">The symbol's digits: prices between the bar's own are whole points of 10^-digits.</param>
    /// <param name="previousBullish">Whether the bar before went up (decides a doji's direction).</param>
    /// <exception cref="ArgumentOutOfRangeException">A length that is not positive or digits outside 0..10.</exception>
    public TickGenerator(in Bar bar, long lengthMs, int digits, bool previousBullish)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lengthMs);
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 10);
        _scale = s_scales[digits];
        _startMs = bar.Time * 1000;
        _lengthMs = lengthMs;
        Bullish = bar.Close > bar.Open || (bar.Close == bar.Open && !previousBullish);
        var (first, second) = Bullish ? (bar.Low, bar.High) : (bar.High, bar.Low);
        _count = bar.TickVolume > 0 ? bar.TickVolume : UnknownVolumeTicks;
        switch (_count)
        {
            case 1:
                Add(bar.Close);
                break;
            case 2:
                Add(bar.Open);
                Add(bar.Close);
                break;
            case 3:
                // Shadows in whole points, so that equal shadows compare equal.
                var upper = Math.Round((bar.High - Math.Max(bar.Open, bar.Close)) * _scale);
                var lower = Math.Round((Math.Min(bar.Open, bar.Close) - bar.Low) * _scale);
                Add(bar.Open);
                Add(upper > lower ? bar.High : lower > upper ? bar.Low : first);
                Add(bar.Close);
                break;
            default:
                var (openLeg, rangeLeg, closeLeg) = (_count - 1) switch
                {
                    >= 11 => (3, 5, 3),
                    >= 7 => (1, 5, 1),
                    >= 5 => (1, 3, 1),
                    _ => (1, 1, 1),
                };
                Add(bar.Open);
                Leg(bar.Open, first, openLeg);
                Leg(first, second, rangeLeg);
                Leg(second, bar.Close, closeLeg);
                break;
        }

        _fill = _count - _referenceCount;
        for (var i = 1; i < _referenceCount; i++)
        {
            _pathLength += Math.Abs(_points[i] - _points[i - 1]);
        }
    }

    /// <summary>The direction the path took (pass it as the next bar's <c>previousBullish</c>).</summary>
    public bool Bullish { get; }

    /// <summary>How many ticks the bar gives: its tick volume, or 12 when that is 0.</summary>
    public readonly long Count => _count;

    /// <summary>The current tick's time, Unix milliseconds.</summary>
    public long TimeMs { get; private set; }

    /// <summary>The current tick's bid.</summary>
    public double Bid { get; private set; }

    /// <summary>Moves to the next tick; false after the last.</summary>
    public bool MoveNext()
    {
        if (_emitted == _count)
        {
            return false;
        }

        TimeMs = _startMs + (_emitted * _lengthMs / _count);
        _emitted++;
        if (_segment == 0)
        {
            Bid = _prices[0];
            EnterSegment(1);
        }
        else if (_segmentDone < _segmentFill)
        {
            // A fill tick on the straight line between reference points segment − 1 and segment.
            _segmentDone++;
            var from = _points[_segment - 1];
            var offset = Math.Round((double)(_points[_segment] - from) * _segmentDone / (_segmentFill + 1));
            Bid = (from + offset) / _scale;
        }
        else
        {
            Bid = _prices[_segment];
            EnterSegment(_segment + 1);
        }

        return true;
    }

    // The fill ticks of a leg: its share of the whole path's length, rounded so that the shares add up exactly.
    private void EnterSegment(int segment)
    {
        _segment = segment;
        _segmentDone = 0;
        if (segment >= _referenceCount)
        {
            _segmentFill = 0;
            return;
        }

        // A flat bar has no length: its fill ticks are shared out equally between the legs.
        _walked += _pathLength > 0 ? Math.Abs(_points[segment] - _points[segment - 1]) : 1;
        var total = _pathLength > 0 ? _pathLength : _referenceCount - 1;
        // No overflow: ticks in a bar × points in its path stay far below 2^63.
        var allotted = _fill * _walked / total;
        _segmentFill = allotted - _fillBefore;
        _fillBefore = allotted;
    }

    private void Leg(double from, double to, int points)
    {
        var start = Math.Round(from * _scale);
        var distance = Math.Round(to * _scale) - start;
        var levels = points switch
        {
            3 => s_threePointLevels,
            5 => s_fivePointLevels,
            _ => [],
        };
        foreach (var level in levels)
        {
            Add((start + Math.Round(distance * level)) / _scale);
        }

        Add(to);
    }

    private void Add(double price)
    {
        _prices[_referenceCount] = price;
        _points[_referenceCount] = (long)Math.Round(price * _scale);
        _referenceCount++;
    }

    [InlineArray(MaxPoints)]
    private struct PriceBuffer
    {
        private double _element;
    }

    [InlineArray(MaxPoints)]
    private struct PointBuffer
    {
        private long _element;
    }
}
