using MtMcp.Indicators;

namespace MtMcp.Strategies;

/// <summary>A stateful part of a compiled strategy, updated once per bar of its timeframe, in dependency order.</summary>
internal abstract class Node
{
    public abstract void Update();

    public abstract void Seal();
}

/// <summary>A registered indicator fed with the bars of its timeframe and, for single-series indicators, an input expression.</summary>
internal sealed class IndicatorNode(IStreamingIndicator stream, Clock clock, Func<int, double>? real0, Func<int, double>? real1) : Node
{
    private readonly ValueRing[] _outputs = CreateRings(stream.Info.Outputs.Count);

    public IStreamingIndicator Stream => stream;

    public ValueRing Output(int index) => _outputs[index];

    public override void Update()
    {
        // Most indicators read the bar itself (close as the free series): no copy, no delegate call.
        if (real0 is null && real1 is null)
        {
            stream.Add(clock.Current);
        }
        else
        {
            stream.Add(clock.Current with { Real0 = real0 is null ? clock.Current.Close : real0(0), Real1 = real1 is null ? double.NaN : real1(0) });
        }

        for (var k = 0; k < _outputs.Length; k++)
        {
            _outputs[k].Push(stream.Value(k));
        }
    }

    public override void Seal()
    {
        foreach (var ring in _outputs)
        {
            ring.Seal();
        }
    }

    private static ValueRing[] CreateRings(int count)
    {
        var rings = new ValueRing[count];
        for (var k = 0; k < count; k++)
        {
            rings[k] = new ValueRing();
        }

        return rings;
    }
}

/// <summary>
/// A longer timeframe's expression seen on a shorter timeframe's bars: at each shorter bar it records the value of the
/// last longer bar that has closed (never the forming one), so look-backs and crossovers work on the shorter bars.
/// </summary>
internal sealed class AlignNode(Func<int, double> source) : Node
{
    public ValueRing Values { get; } = new();

    public override void Update() => Values.Push(source(0));

    public override void Seal() => Values.Seal();
}
