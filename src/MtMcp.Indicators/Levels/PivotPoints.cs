namespace MtMcp.Indicators;

/// <summary>
/// Daily pivot points on intraday bars: levels computed from the previous session's open, high, low and close
/// (sessions are UTC days starting at <c>anchor_hour</c>:00, read from each bar's open time), constant through
/// the current session. One registered indicator per <see cref="PivotMethod"/> (<c>pivots_classic</c>,
/// <c>pivots_fibonacci</c>, <c>pivots_camarilla</c>, <c>pivots_woodie</c>, <c>pivots_demark</c>), each with
/// exactly the levels its method defines. NaN during the first session, which has no previous one.
/// </summary>
public static class PivotPoints
{
    private static readonly PivotMethod[] s_methods = Enum.GetValues<PivotMethod>();

    private static readonly IndicatorInfo[] s_infos = [.. s_methods.Select(CreateInfo)];

    /// <summary>The registry entries, one per method.</summary>
    internal static IEnumerable<Indicator> Definitions { get; } = [.. s_methods.Select(CreateDefinition)];

    /// <summary>Metadata of the indicator for <paramref name="method"/>.</summary>
    public static IndicatorInfo Info(PivotMethod method) => s_infos[(int)method];

    /// <summary>Bars without a value at the start: none declared (the first session's bars are NaN).</summary>
    public static int Lookback() => 0;

    /// <summary>
    /// Writes the levels of <paramref name="method"/> (in the order of <see cref="Info"/>'s outputs) for every bar:
    /// level k at <c>outputs[k·n .. (k+1)·n)</c>. <paramref name="open"/> is read only by <see cref="PivotMethod.DeMark"/>
    /// and may be empty otherwise.
    /// </summary>
    /// <param name="method">The formulas.</param>
    /// <param name="time">Bar open times, Unix seconds UTC.</param>
    /// <param name="open">Opens.</param>
    /// <param name="high">Highs.</param>
    /// <param name="low">Lows.</param>
    /// <param name="close">Closes.</param>
    /// <param name="anchorHour">UTC hour at which sessions start, 0 to 23.</param>
    /// <param name="outputs">One block of n values per level.</param>
    public static void Compute(
        PivotMethod method, ReadOnlySpan<long> time, ReadOnlySpan<double> open, ReadOnlySpan<double> high,
        ReadOnlySpan<double> low, ReadOnlySpan<double> close, int anchorHour, Span<double> outputs)
    {
        var n = close.Length;
        var count = Info(method).Outputs.Count;
        Span<double> levels = stackalloc double[count];
        var sessions = new Sessions(anchorHour);
        for (var i = 0; i < n; i++)
        {
            if (sessions.Next(time[i], open.IsEmpty ? double.NaN : open[i], high[i], low[i], close[i]))
            {
                Levels(method, sessions.Previous, levels);
            }

            for (var k = 0; k < count; k++)
            {
                outputs[(k * n) + i] = levels[k];
            }
        }
    }

    /// <summary>
    /// Writes the levels of <paramref name="method"/> for a session with <paramref name="day"/>'s prices, in output
    /// order; NaN when there is no such session.
    /// </summary>
    private static void Levels(PivotMethod method, in DayRange day, Span<double> levels)
    {
        var (o, h, l, c) = (day.Open, day.High, day.Low, day.Close);
        var range = h - l;
        var typical = (h + l + c) / 3;
        switch (method)
        {
            case PivotMethod.Classic:
                Floor(typical, h, l, levels);
                break;
            case PivotMethod.Woodie:
                Floor(((2 * c) + h + l) / 4, h, l, levels);
                break;
            case PivotMethod.Fibonacci:
                levels[0] = typical;
                levels[1] = typical + (0.382 * range);
                levels[2] = typical + (0.618 * range);
                levels[3] = typical + range;
                levels[4] = typical - (0.382 * range);
                levels[5] = typical - (0.618 * range);
                levels[6] = typical - range;
                break;
            case PivotMethod.Camarilla:
                levels[0] = typical;
                for (var k = 1; k <= 4; k++)
                {
                    // Camarilla's steps: 1.1 / 12, 1.1 / 6, 1.1 / 4, 1.1 / 2 of the range around the close.
                    var step = range * 1.1 / CamarillaDivisor(k);
                    levels[k] = c + step;
                    levels[k + 4] = c - step;
                }

                break;
            default:
                var x = c < o ? h + (2 * l) + c : c > o ? (2 * h) + l + c : h + l + (2 * c);
                levels[0] = x / 4;
                levels[1] = (x / 2) - l;
                levels[2] = (x / 2) - h;
                break;
        }
    }

    private static int CamarillaDivisor(int level) => level switch
    {
        1 => 12,
        2 => 6,
        3 => 4,
        _ => 2,
    };

    /// <summary>The floor-trader levels around <paramref name="pp"/>: pp, r1, r2, r3, s1, s2, s3.</summary>
    private static void Floor(double pp, double h, double l, Span<double> levels)
    {
        levels[0] = pp;
        levels[1] = (2 * pp) - l;
        levels[2] = pp + (h - l);
        levels[3] = h + (2 * (pp - l));
        levels[4] = (2 * pp) - h;
        levels[5] = pp - (h - l);
        levels[6] = l - (2 * (h - pp));
    }

    private static IndicatorInfo CreateInfo(PivotMethod method)
    {
        var name = method.ToString().ToLowerInvariant();
        IReadOnlyList<string> levels = method switch
        {
            PivotMethod.Camarilla => ["pp", "r1", "r2", "r3", "r4", "s1", "s2", "s3", "s4"],
            PivotMethod.DeMark => ["pp", "r1", "s1"],
            _ => ["pp", "r1", "r2", "r3", "s1", "s2", "s3"],
        };
        IReadOnlyList<InputSeries> inputs = method == PivotMethod.DeMark
            ? [InputSeries.Open, InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Time]
            : [InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Time];
        return new IndicatorInfo(
            "pivots_" + name, $"Pivot Points ({method}, previous UTC session)", IndicatorGroup.Levels, inputs,
            [UtcSession.AnchorHourParameter],
            [.. levels.Select(level => new OutputInfo(level, Describe(level)))],
            IsTaLib: false);
    }

    private static string Describe(string level) => level switch
    {
        "pp" => "Pivot point",
        _ when level[0] == 'r' => $"Resistance {level[1..]}",
        _ => $"Support {level[1..]}",
    };

    private static Indicator CreateDefinition(PivotMethod method) => new(
        Info(method),
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(method, inputs.Time, inputs.Open, inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(method, p.Int(0)));

    /// <summary>The open, high, low and close of one session.</summary>
    private readonly record struct DayRange(double Open, double High, double Low, double Close);

    /// <summary>The current and the previous session's prices as a value; copying it saves the state.</summary>
    private struct Sessions(int anchorHour)
    {
        private long _session = long.MinValue;
        private DayRange _current;

        /// <summary>The previous session; NaN prices before the second session.</summary>
        public DayRange Previous { get; private set; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

        /// <summary>Adds a bar; returns whether it opened a new session (so the levels change).</summary>
        public bool Next(long time, double open, double high, double low, double close)
        {
            var session = UtcSession.Of(time, anchorHour);
            if (session == _session)
            {
                _current = new DayRange(_current.Open, Math.Max(_current.High, high), Math.Min(_current.Low, low), close);
                return false;
            }

            if (_session != long.MinValue)
            {
                Previous = _current;
            }

            _session = session;
            _current = new DayRange(open, high, low, close);
            return true;
        }
    }

    /// <summary>Streaming pivot points: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly PivotMethod _method;
        private readonly double[] _levels;
        private Sessions _sessions;
        private Sessions _beforeLast;

        /// <summary>Creates the stream.</summary>
        public Stream(PivotMethod method, int anchorHour)
        {
            _method = method;
            _levels = new double[PivotPoints.Info(method).Outputs.Count];
            _sessions = new Sessions(anchorHour);
            _levels.AsSpan().Fill(double.NaN);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => PivotPoints.Info(_method);

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _beforeLast = _sessions;
            Step(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _sessions = _beforeLast;
            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => _levels[output];

        private void Step(in StreamBar bar)
        {
            _sessions.Next(bar.Time, bar.Open, bar.High, bar.Low, bar.Close);
            Levels(_method, _sessions.Previous, _levels);
        }
    }
}
