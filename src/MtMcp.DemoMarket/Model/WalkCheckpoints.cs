namespace MtMcp.DemoMarket.Model;

/// <summary>
/// Weekly saved states of the whole market's walk, built on demand, so a query far after the start walks
/// the market there once and every later query (another symbol, the live stream) starts from the nearest
/// checkpoint instead of from the start.
/// </summary>
/// <remarks>Thread-safe: building is serialised by a lock; checkpoints are immutable once taken.</remarks>
internal sealed class WalkCheckpoints
{
    private const long Interval = 7 * 1440;

    private readonly MarketModel _model;
    private readonly List<MarketProcess.Checkpoint> _checkpoints = [];
    private readonly Lock _lock = new();
    private readonly int[] _allSources;
    private readonly int[] _allDrivers;
    private MarketProcess? _walker;

    /// <summary>Checkpoints of <paramref name="model"/>'s walk.</summary>
    public WalkCheckpoints(MarketModel model)
    {
        _model = model;
        _allSources = Enumerable.Range(0, model.Sources.Length).ToArray();
        _allDrivers = Enumerable.Range(0, model.Drivers.Length).ToArray();
    }

    /// <summary>Every source of the model.</summary>
    public int[] AllSources => _allSources;

    /// <summary>Every driver of the model.</summary>
    public int[] AllDrivers => _allDrivers;

    /// <summary>
    /// A process stepping <paramref name="sources"/> and <paramref name="drivers"/>, positioned at the latest
    /// checkpoint at or before <paramref name="minute"/> (the caller then advances it).
    /// </summary>
    public MarketProcess ProcessAt(long minute, int[] sources, int[] drivers)
    {
        var index = (minute - (_model.StartMinute - 1)) / Interval;
        if (index < 1)
        {
            return new MarketProcess(_model, sources, drivers);
        }

        MarketProcess.Checkpoint checkpoint;
        lock (_lock)
        {
            _walker ??= new MarketProcess(_model, _allSources, _allDrivers);
            while (_checkpoints.Count < index)
            {
                _walker.AdvanceTo(_model.StartMinute - 1 + ((_checkpoints.Count + 1) * Interval));
                _checkpoints.Add(_walker.Save());
            }

            checkpoint = _checkpoints[(int)index - 1];
        }

        return new MarketProcess(_model, sources, drivers, checkpoint);
    }
}
