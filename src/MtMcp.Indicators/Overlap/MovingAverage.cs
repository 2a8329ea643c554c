namespace MtMcp.Indicators;

/// <summary>
/// Moving averages by <see cref="MaType"/> (TA-Lib MA), as TA-Lib's MA and every function with an MA-type
/// parameter use them. Each type's own class holds the algorithm; this dispatches.
/// </summary>
public static class MovingAverage
{
    /// <summary>The volume factor TA-Lib's MA uses for <see cref="MaType.T3"/>.</summary>
    public const double T3VolumeFactor = 0.7;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ma", "Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0],
        [
            ParameterInfo.TimePeriod(30, min: 1),
            ParameterInfo.MovingAverage("ma_type", MaType.Sma, "Type of moving average", "type"),
        ],
        [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Ma(1), p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(p.Ma(1), inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Ma(1), p.Int(0)));

    /// <summary>Bars without a value at the start for <paramref name="type"/> over <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not an <see cref="MaType"/>, or <paramref name="period"/> is outside 1…100000.</exception>
    public static int Lookback(MaType type, int period) => type switch
    {
        _ when period is < 1 or > Guard.MaxPeriod => throw BadPeriod(period),

        // TA-Lib returns the input unchanged for a period of 1, whatever the type.
        _ when period == 1 => 0,
        MaType.Sma => Sma.Lookback(period),
        MaType.Ema => Ema.Lookback(period),
        MaType.Wma => Wma.Lookback(period),
        MaType.Dema => Dema.Lookback(period),
        MaType.Tema => Tema.Lookback(period),
        MaType.Trima => Trima.Lookback(period),
        MaType.Kama => Kama.Lookback(period),
        MaType.Mama => Mama.Lookback(Mama.DefaultFastLimit, Mama.DefaultSlowLimit),
        MaType.T3 => T3.Lookback(period),
        _ => throw Unknown(type),
    };

    /// <summary>Writes the moving average of <paramref name="real"/> into <paramref name="output"/> from the lookback on.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not an <see cref="MaType"/>, or <paramref name="period"/> is outside 1…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(MaType type, ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 1);
        Guard.Output(real.Length, output);

        if (period == 1)
        {
            real.CopyTo(output);
            return;
        }

        switch (type)
        {
            case MaType.Sma:
                Sma.ComputeSerial(real, period, output);
                break;
            case MaType.Ema:
                Ema.Compute(real, period, Ema.SmoothingFactor(period), output);
                break;
            case MaType.Wma:
                Wma.Compute(real, period, output);
                break;
            case MaType.Dema:
                Dema.Compute(real, period, output);
                break;
            case MaType.Tema:
                Tema.Compute(real, period, output);
                break;
            case MaType.Trima:
                Trima.Compute(real, period, output);
                break;
            case MaType.Kama:
                Kama.Compute(real, period, output);
                break;
            case MaType.Mama:
                // TA-Lib's MA ignores the period for MAMA and returns the MAMA line at the default limits.
                Mama.Compute(real, Mama.DefaultFastLimit, Mama.DefaultSlowLimit, output);
                break;
            case MaType.T3:
                T3.Compute(real, period, T3VolumeFactor, output);
                break;
            default:
                throw Unknown(type);
        }
    }

    /// <summary>A streaming moving average for composite streams.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not an <see cref="MaType"/>, or <paramref name="period"/> is outside 1…100000.</exception>
    internal static IValueStream CreateStream(MaType type, int period) => type switch
    {
        _ when period is < 1 or > Guard.MaxPeriod => throw BadPeriod(period),
        _ when period == 1 => new Identity(),
        MaType.Sma => new IndicatorValueStream(new Sma.Stream(period)),
        MaType.Ema => new Ema.ValueStream(period),
        MaType.Wma => new IndicatorValueStream(new Wma.Stream(period)),
        MaType.Dema => new IndicatorValueStream(new Dema.Stream(period)),
        MaType.Tema => new IndicatorValueStream(new Tema.Stream(period)),
        MaType.Trima => new IndicatorValueStream(new Trima.Stream(period)),
        MaType.Kama => new IndicatorValueStream(new Kama.Stream(period)),
        MaType.Mama => new IndicatorValueStream(new Mama.Stream(Mama.DefaultFastLimit, Mama.DefaultSlowLimit)),
        MaType.T3 => new IndicatorValueStream(new T3.Stream(period, T3VolumeFactor)),
        _ => throw Unknown(type),
    };

    private static ArgumentOutOfRangeException BadPeriod(int period) =>
        new(nameof(period), period, $"period must be from 1 to {Guard.MaxPeriod}.");

    private static ArgumentOutOfRangeException Unknown(MaType type) =>
        new(nameof(type), type, $"Unknown moving average type {(int)type}; allowed: 0 (sma) to 8 (t3).");

    /// <summary>Streaming MA: O(1) per bar for every type, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly IValueStream _ma;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not an <see cref="MaType"/>, or <paramref name="period"/> is outside 1…100000.</exception>
        public Stream(MaType type, int period)
        {
            _ma = CreateStream(type, period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => MovingAverage.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _ma.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _ma.Add(bar.Real0);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _ma.UpdateLast(bar.Real0);
        }

        /// <inheritdoc />
        public double Value(int output) => _ma.Value;
    }

    private sealed class Identity : IValueStream
    {
        public bool IsReady { get; private set; }

        public double Value { get; private set; } = double.NaN;

        public double Add(double value)
        {
            IsReady = true;
            return Value = value;
        }

        public double UpdateLast(double value) => Add(value);
    }
}
