namespace MtMcp.Indicators;

/// <summary>
/// Moving averages by <see cref="MaType"/>, as TA-Lib's MA and every function with an MA-type parameter
/// use them. Each type's own class holds the algorithm; this dispatches.
/// </summary>
public static class MovingAverage
{
    /// <summary>Bars without a value at the start for <paramref name="type"/> over <paramref name="period"/>.</summary>
    /// <exception cref="NotSupportedException">A type not implemented yet.</exception>
    public static int Lookback(MaType type, int period) => type switch
    {
        // TA-Lib returns the input unchanged for a period of 1, whatever the type.
        _ when period == 1 => 0,
        MaType.Sma => Sma.Lookback(period),
        _ => throw NotYet(type),
    };

    /// <summary>Writes the moving average of <paramref name="real"/> into <paramref name="output"/> from the lookback on.</summary>
    /// <exception cref="NotSupportedException">A type not implemented yet.</exception>
    public static void Compute(MaType type, ReadOnlySpan<double> real, int period, Span<double> output)
    {
        if (period == 1)
        {
            real.CopyTo(output);
            return;
        }

        switch (type)
        {
            case MaType.Sma:
                Sma.Compute(real, period, output);
                break;
            default:
                throw NotYet(type);
        }
    }

    /// <summary>A streaming moving average for composite streams.</summary>
    /// <exception cref="NotSupportedException">A type not implemented yet.</exception>
    internal static IValueStream CreateStream(MaType type, int period) => type switch
    {
        _ when period == 1 => new Identity(),
        MaType.Sma => new IndicatorValueStream(new Sma.Stream(period)),
        _ => throw NotYet(type),
    };

    private static NotSupportedException NotYet(MaType type) => new($"Moving average type {type} is not implemented yet.");

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
