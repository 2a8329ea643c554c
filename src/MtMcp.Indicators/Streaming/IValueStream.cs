namespace MtMcp.Indicators;

/// <summary>
/// A single-series streaming building block (a moving average, a rolling sum) that composite streams
/// (MACD, Bollinger bands, stochastics) feed value by value, with the same add / update-last contract as
/// <see cref="IStreamingIndicator"/>.
/// </summary>
internal interface IValueStream
{
    /// <summary>Whether the warm-up has passed.</summary>
    bool IsReady { get; }

    /// <summary>The current value; NaN during the warm-up.</summary>
    double Value { get; }

    /// <summary>Appends a value; returns the new <see cref="Value"/>.</summary>
    double Add(double value);

    /// <summary>Replaces the last value; returns the new <see cref="Value"/>.</summary>
    double UpdateLast(double value);
}
