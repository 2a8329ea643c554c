namespace MtMcp.Strategies;

/// <summary>The recent bars of one timeframe, one ring per column.</summary>
internal sealed class BarColumns
{
    public ValueRing Open { get; } = new();

    public ValueRing High { get; } = new();

    public ValueRing Low { get; } = new();

    public ValueRing Close { get; } = new();

    public ValueRing Volume { get; } = new();

    public void Push(double open, double high, double low, double close, double volume)
    {
        Open.Push(open);
        High.Push(high);
        Low.Push(low);
        Close.Push(close);
        Volume.Push(volume);
    }

    public void Seal()
    {
        Open.Seal();
        High.Seal();
        Low.Seal();
        Close.Seal();
        Volume.Seal();
    }
}
