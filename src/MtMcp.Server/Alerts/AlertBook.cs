using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MtMcp.Domain;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Alerts;

/// <summary>
/// The alerts: their records, persisted in <c>&lt;data-dir&gt;/alerts/alerts.json</c> after every change so they
/// survive a restart, and the price watches the live feed runs through <see cref="OnTick"/>.
/// </summary>
/// <remarks>
/// Thread-safe. <see cref="OnTick"/> runs on the quote stream's thread without locks or allocation: it reads a per-symbol
/// array of watches that changes are swapped in for (copy on write), and queues a firing on <see cref="Fired"/>, which
/// <see cref="AlertService"/> records and delivers off that thread.
/// </remarks>
internal sealed class AlertBook
{
    /// <summary>Most alerts kept at once.</summary>
    public const int MaxAlerts = 200;

    /// <summary>Firings kept per alert (the newest); <see cref="AlertRecord.FireCount"/> counts them all.</summary>
    public const int MaxFiringsKept = 50;

    private readonly string _path;
    private readonly Func<string, int> _indexOf;
    private readonly Lock _lock = new();
    private readonly List<AlertRecord> _alerts = [];
    private readonly PriceWatch[][] _watches;
    private readonly Channel<AlertFired> _fired = Channel.CreateUnbounded<AlertFired>(new UnboundedChannelOptions { SingleReader = true });
    private int _nextId = 1;
    private long _version;

    /// <summary>Loads the alerts in <paramref name="directory"/> (none when the file does not exist).</summary>
    /// <param name="directory">Where the alerts file lives.</param>
    /// <param name="symbolCount">Number of symbols the feed quotes.</param>
    /// <param name="indexOf">The feed's index of a symbol, or -1.</param>
    /// <exception cref="InvalidOperationException">The alerts file is not valid: the message names it.</exception>
    public AlertBook(string directory, int symbolCount, Func<string, int> indexOf)
    {
        _path = Path.Combine(directory, "alerts.json");
        _indexOf = indexOf;
        _watches = new PriceWatch[symbolCount][];
        Array.Fill(_watches, []);
        if (!File.Exists(_path))
        {
            return;
        }

        AlertFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(_path), ServerJsonContext.Default.AlertFile);
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The alerts file {_path} is not valid JSON ({error.Message}); repair or delete it.", error);
        }

        _nextId = Math.Max(1, file?.NextId ?? 1);
        foreach (var alert in file?.Alerts ?? [])
        {
            _alerts.Add(alert);
            Watch(alert, double.NaN);
        }
    }

    /// <summary>Firings queued by <see cref="OnTick"/> (and by condition checks through <see cref="Fire"/>).</summary>
    public ChannelReader<AlertFired> Fired => _fired.Reader;

    /// <summary>Goes up on every change (create, delete, firing): resource subscribers compare it.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Every alert, oldest first.</summary>
    public List<AlertRecord> List()
    {
        lock (_lock)
        {
            return [.. _alerts];
        }
    }

    /// <summary>The alert <paramref name="id"/> (case-insensitive), or null.</summary>
    public AlertRecord? Get(string id)
    {
        lock (_lock)
        {
            return Find(id) is var i and >= 0 ? _alerts[i] : null;
        }
    }

    /// <summary>
    /// Adds <paramref name="draft"/> under a new id and saves. A price alert starts from <paramref name="reference"/>
    /// (the quote now, NaN when unknown): it fires on the first tick that crosses its level from there.
    /// </summary>
    /// <exception cref="ToolErrorException">TOO_LARGE: there are <see cref="MaxAlerts"/> alerts already.</exception>
    public AlertRecord Add(AlertRecord draft, double reference)
    {
        lock (_lock)
        {
            if (_alerts.Count >= MaxAlerts)
            {
                throw new ToolErrorException(new ToolError(ToolErrorCodes.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"There are {MaxAlerts} alerts already, the most kept; delete some first."), Retryable: false));
            }

            var alert = draft with { Id = "a" + _nextId.ToString(CultureInfo.InvariantCulture) };
            _nextId++;
            _alerts.Add(alert);
            Save();
            Watch(alert, reference);
            Interlocked.Increment(ref _version);
            return alert;
        }
    }

    /// <summary>Deletes the alert <paramref name="id"/> and saves; false when there is none. It never fires again.</summary>
    public bool Delete(string id)
    {
        lock (_lock)
        {
            var i = Find(id);
            if (i < 0)
            {
                return false;
            }

            var alert = _alerts[i];
            _alerts.RemoveAt(i);
            Unwatch(alert);
            Save();
            Interlocked.Increment(ref _version);
            return true;
        }
    }

    /// <summary>
    /// A tick of symbol <paramref name="symbol"/> (the feed's index): checks that symbol's price alerts. An alert fires
    /// when the watched side moves from strictly below its level to at or above it ("above"), or from strictly above to
    /// at or below ("below"), outside its cooldown. Allocation-free.
    /// </summary>
    public void OnTick(int symbol, in Tick tick)
    {
        var watches = Volatile.Read(ref _watches[symbol]);
        for (var k = 0; k < watches.Length; k++)
        {
            var watch = watches[k];
            var price = watch.Ask ? tick.Ask : tick.Bid;
            if (watch.Done || !(price > 0))
            {
                continue;
            }

            var previous = watch.Last;
            watch.Last = price;
            var crossed = watch.Above ? previous < watch.Level && price >= watch.Level : previous > watch.Level && price <= watch.Level;
            if (!crossed || tick.TimeMs - watch.LastFiredMs < watch.CooldownMs)
            {
                continue;
            }

            watch.LastFiredMs = tick.TimeMs;
            watch.Done = watch.Once;
            _fired.Writer.TryWrite(new AlertFired(watch.Id, tick.TimeMs, price));
        }
    }

    /// <summary>Queues a firing found outside the tick path (a condition alert on a closed bar).</summary>
    public void Fire(AlertFired fired) => _fired.Writer.TryWrite(fired);

    /// <summary>
    /// Records a firing on its alert and saves: the count, the newest firings, and for a "once" alert its end. Null when
    /// the alert was deleted (or ended) in the meantime, so nothing is delivered for it.
    /// </summary>
    public AlertRecord? Record(AlertFired fired, string message)
    {
        lock (_lock)
        {
            var i = Find(fired.Id);
            if (i < 0 || !_alerts[i].Active)
            {
                return null;
            }

            var alert = _alerts[i];
            var time = Args.FormatMilliseconds(fired.TimeMs);
            var firings = new List<AlertFiring>(Math.Min(alert.Firings.Count + 1, MaxFiringsKept));
            for (var k = Math.Max(0, alert.Firings.Count + 1 - MaxFiringsKept); k < alert.Firings.Count; k++)
            {
                firings.Add(alert.Firings[k]);
            }

            firings.Add(new AlertFiring(time, fired.Value, message));
            var updated = alert with { FireCount = alert.FireCount + 1, LastFired = time, Firings = firings, Active = alert.Mode != AlertModes.Once };
            _alerts[i] = updated;
            Save();
            Interlocked.Increment(ref _version);
            return updated;
        }
    }

    private int Find(string id) => _alerts.FindIndex(a => a.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    // Callers hold the lock (or are the constructor).
    private void Watch(AlertRecord alert, double reference)
    {
        var i = _indexOf(alert.Symbol);
        if (alert.Type != AlertTypes.Price || !alert.Active || i < 0)
        {
            return;
        }

        var watch = new PriceWatch(alert.Id, alert.Direction == AlertDirections.Above, alert.Side == AlertSides.Ask, alert.Level ?? double.NaN,
            alert.CooldownSeconds * 1000L, alert.Mode == AlertModes.Once) { Last = reference };
        Volatile.Write(ref _watches[i], [.. _watches[i], watch]);
    }

    private void Unwatch(AlertRecord alert)
    {
        var i = _indexOf(alert.Symbol);
        if (i < 0)
        {
            return;
        }

        var kept = new List<PriceWatch>(_watches[i].Length);
        foreach (var watch in _watches[i])
        {
            if (watch.Id == alert.Id)
            {
                // The stream may hold the old array for one more tick: the flag stops it there too.
                watch.Done = true;
            }
            else
            {
                kept.Add(watch);
            }
        }

        Volatile.Write(ref _watches[i], [.. kept]);
    }

    // Write a new file and swap it in, so a crash never leaves half a file.
    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new AlertFile(_nextId, [.. _alerts]), ServerJsonContext.Default.AlertFile));
        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>The run-time state of one price alert; only the quote stream's thread changes it after creation.</summary>
    private sealed class PriceWatch(string id, bool above, bool ask, double level, long cooldownMs, bool once)
    {
        public string Id { get; } = id;

        public bool Above { get; } = above;

        public bool Ask { get; } = ask;

        public double Level { get; } = level;

        public long CooldownMs { get; } = cooldownMs;

        public bool Once { get; } = once;

        public double Last { get; set; }

        public long LastFiredMs { get; set; } = long.MinValue / 2;

        public volatile bool Done;
    }
}

/// <summary>A firing waiting to be recorded: the alert, the tick (or bar close) time in Unix milliseconds and the value.</summary>
internal readonly record struct AlertFired(string Id, long TimeMs, double Value);

/// <summary>The alert types.</summary>
internal static class AlertTypes
{
    public const string Price = "price";
    public const string Condition = "condition";
}

/// <summary>The price-alert directions.</summary>
internal static class AlertDirections
{
    public const string Above = "above";
    public const string Below = "below";
}

/// <summary>The quote sides a price alert watches.</summary>
internal static class AlertSides
{
    public const string Bid = "bid";
    public const string Ask = "ask";
}

/// <summary>The firing modes.</summary>
internal static class AlertModes
{
    public const string Once = "once";
    public const string Repeat = "repeat";
}
