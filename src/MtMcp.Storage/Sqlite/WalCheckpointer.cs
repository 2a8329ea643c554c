using Microsoft.Data.Sqlite;

namespace MtMcp.Storage.Sqlite;

/// <summary>
/// Moves the write-ahead log into the database file from a background thread with its own connection, so a
/// commit never pays for a checkpoint (and its disk flushes). A PASSIVE checkpoint never blocks the writer; the
/// writer's own automatic checkpoint stays on at a much larger log size as a fallback.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _checkpoint;
    private readonly Timer _timer;
    private bool _disposed;

    public WalCheckpointer(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _checkpoint = _connection.CreateCommand();
        _checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        _timer = new Timer(_ => Checkpoint(), null, s_interval, s_interval);
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _checkpoint.Dispose();
            _connection.Dispose();
        }
    }

    private void Checkpoint()
    {
        // A tick that finds the previous one still running skips: the next tick catches up.
        if (!_gate.TryEnter())
        {
            return;
        }

        try
        {
            if (!_disposed)
            {
                _checkpoint.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // Best effort: a failed checkpoint leaves the log in place, the next tick or the writer's fallback retries.
        }
        finally
        {
            _gate.Exit();
        }
    }
}
