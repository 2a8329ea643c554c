namespace MtMcp.Indicators;

/// <summary>
/// Time series forecast (TA-Lib TSF): the line extended one bar past the newest, from the least-squares line
/// fitted to the last <c>time_period</c> values.
/// </summary>
public static class Tsf
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = LinearRegression.Info("tsf", "Time Series Forecast", "Time series forecast");

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = LinearRegression.Entry<Output>(Info);

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => LinearRegression.Lookback(period);

    /// <summary>Writes the time series forecast into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output) =>
        LinearRegression.Compute<Output>(real, period, output);

    private readonly struct Output : IRegressionOutput
    {
        public static double Of(double slope, double intercept, int period) => intercept + (slope * period);
    }
}
