using MtMcp.Indicators;

namespace MtMcp.Strategies;

/// <summary>
/// The bars of one timeframe and the nodes computed on them. The strategy's own timeframe takes every bar; a longer
/// one builds its bars from them and completes a bar as soon as a shorter bar closes at or after its end, so nothing
/// on it ever sees a forming bar (no look-ahead).
/// </summary>
internal sealed class Clock(Timeframe? timeframe, long seconds)
{
    private readonly List<Node> _nodes = [];
    private Node[] _sealed = [];
    private bool _forming;
    private long _formingTime;
    private double _open;
    private double _high;
    private double _low;
    private double _close;
    private double _volume;
    private StreamBar _current;

    /// <summary>The timeframe; null for the strategy's own bars when the document names none.</summary>
    public Timeframe? Timeframe { get; } = timeframe;

    /// <summary>Length of a bar in seconds (nominal for MN1); 0 when unknown.</summary>
    public long Seconds { get; } = seconds;

    public BarColumns Bars { get; } = new();

    /// <summary>The latest bar as indicators take it (its free series is the close).</summary>
    public StreamBar Current => _current;

    public IReadOnlyList<Node> Nodes => _nodes;

    public void Add(Node node) => _nodes.Add(node);

    public void Seal()
    {
        Bars.Seal();
        foreach (var node in _nodes)
        {
            node.Seal();
        }

        _sealed = [.. _nodes];
    }

    /// <summary>A bar of this timeframe closed.</summary>
    public void Bar(long time, double open, double high, double low, double close, double volume)
    {
        _current = new StreamBar(open, high, low, close, volume, close, double.NaN) { Time = time };
        Bars.Push(open, high, low, close, volume);
        foreach (var node in _sealed)
        {
            node.Update();
        }
    }

    /// <summary>A shorter bar that closes at <paramref name="closeTime"/> arrived: fold it into this timeframe's bars.</summary>
    public void Fold(long time, double open, double high, double low, double close, double volume, long closeTime)
    {
        var tf = Timeframe!.Value;
        var key = tf.BarOpenTime(time);
        if (_forming && key != _formingTime)
        {
            Complete();
        }

        if (!_forming)
        {
            (_forming, _formingTime, _open, _high, _low, _close, _volume) = (true, key, open, high, low, close, volume);
        }
        else
        {
            _high = Math.Max(_high, high);
            _low = Math.Min(_low, low);
            _close = close;
            _volume += volume;
        }

        if (tf.NextBarOpenTime(_formingTime) <= closeTime)
        {
            Complete();
        }
    }

    private void Complete()
    {
        _forming = false;
        Bar(_formingTime, _open, _high, _low, _close, _volume);
    }
}
