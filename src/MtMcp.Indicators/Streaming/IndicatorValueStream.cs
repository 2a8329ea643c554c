namespace MtMcp.Indicators;

/// <summary>Adapts a single-output, single-series <see cref="IStreamingIndicator"/> to <see cref="IValueStream"/>.</summary>
internal sealed class IndicatorValueStream(IStreamingIndicator inner) : IValueStream
{
    public bool IsReady => inner.IsReady;

    public double Value => inner.Value(0);

    public double Add(double value)
    {
        inner.Add(StreamBar.Value(value));
        return Value;
    }

    public double UpdateLast(double value)
    {
        inner.UpdateLast(StreamBar.Value(value));
        return Value;
    }
}
