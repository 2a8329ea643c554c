namespace MtMcp.Risk;

/// <summary>
/// Reloads a gate's configuration when its file changes (hot reload): changes are debounced, a file with errors keeps
/// the configuration in force, and every outcome is reported through <see cref="Reloaded"/> (for the audit trail and logs).
/// </summary>
/// <remarks>Thread-safe. The file is read whole, so an editor's partial write is caught by the debounce or reported as an error.</remarks>
[Mutable]
public sealed class RiskConfigurationWatcher : IDisposable
{
    private readonly string _path;
    private readonly PreTradeGate _gate;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly TimeSpan _debounce;

    /// <summary>Starts watching <paramref name="path"/> for <paramref name="gate"/>; nothing is loaded until the file changes or <see cref="ReloadNow"/>.</summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="gate">The gate to reload.</param>
    /// <param name="time">The clock for the debounce timer; null = the system clock.</param>
    /// <param name="debounce">How long the file must stay quiet before it is read; null = 250 ms.</param>
    public RiskConfigurationWatcher(string path, PreTradeGate gate, TimeProvider? time = null, TimeSpan? debounce = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(gate);
        _path = Path.GetFullPath(path);
        _gate = gate;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(250);
        _timer = (time ?? TimeProvider.System).CreateTimer(_ => Reloaded?.Invoke(this, ReloadNow()), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.Renamed += OnFileEvent;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>A reload happened after the file changed: applied, or refused with its errors.</summary>
    public event EventHandler<RiskReloadResult>? Reloaded;

    /// <summary>Reads the file and reloads the gate now.</summary>
    public RiskReloadResult ReloadNow()
    {
        string json;
        try
        {
            json = File.ReadAllText(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RiskReloadResult(false, _gate.ConfigurationVersion, [new RiskConfigurationError("$", $"cannot read {_path}: {e.Message}")]);
        }

        return _gate.Reload(json);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
}
