using System.Globalization;
using Microsoft.Data.Sqlite;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

/// <summary>
/// The trading journal in one SQLite file (write-ahead log mode): accounts, their orders, positions, deals and
/// client order results in real columns, each step committed as one transaction.
/// </summary>
/// <remarks>
/// <para>
/// Storage: volumes and money as exact decimal TEXT, prices as REAL (the double's bits; NaN as NULL), times as
/// INTEGER Unix ms, tickets and magic numbers as the INTEGER with the same 64 bits (lossless; tickets are
/// ordered as signed numbers, so they must stay below 2^63, as every ticket sequence does), enums as their MT5
/// numeric values; settings and client order results as JSON.
/// </para>
/// <para>
/// Commit applies a step's transactions in order: ORDER_ADD, ORDER_UPDATE, HISTORY_ADD and HISTORY_UPDATE upsert
/// the order by ticket; ORDER_DELETE and REQUEST change no row (the order's final state comes with the HISTORY_ADD
/// that follows); DEAL_ADD inserts the deal (a ticket already stored is an error); DEAL_UPDATE upserts it;
/// HISTORY_DELETE and DEAL_DELETE delete the row; POSITION upserts the position, or deletes it when its volume
/// is 0. Then the client order results (the first result of an id stays) and the account row (balance, credit,
/// next ticket, time, cursor), all in one transaction.
/// </para>
/// <para>
/// Thread-safety: one connection guarded by a lock; every method may be called from any thread. Calls are
/// serialised (SQLite has one writer per file anyway), so different accounts on different threads are safe;
/// one account's steps must still come from one writer in order. Commits and audit appends that arrive together
/// share one transaction (group commit), each returning once its own write is durable.
/// </para>
/// <para>
/// Durability: see <see cref="JournalDurability"/>. The log is checkpointed into the file by a background thread so
/// that commits do not pay for it. Failures of the storage surface as
/// <see cref="StorageException"/>; a failed call changes nothing.
/// </para>
/// </remarks>
public sealed partial class SqliteTradingJournal : ITradingJournal
{
    /// <summary>How long a statement waits for another process's lock on the file before failing, in seconds.</summary>
    private const int DefaultBusyTimeoutSeconds = 5;

    /// <summary>
    /// Log pages after which a commit checkpoints by itself (about 40 MB): only when the background checkpointer
    /// falls behind, which keeps the log much smaller.
    /// </summary>
    private const int FallbackCheckpointPages = 10_000;

    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly JournalStatements _statements;
    private readonly WalCheckpointer _checkpointer;
    private readonly Dictionary<string, long> _accountIds = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Opens the journal at <paramref name="path"/>, creating the file (and its folder) when missing.</summary>
    /// <param name="path">The database file, e.g. <c>&lt;data-dir&gt;/paper/accounts.db</c>.</param>
    /// <param name="durability">What a returned <see cref="Commit"/> survives.</param>
    /// <param name="audit">
    /// The audit chain's key and checkpoint policy; null = <see cref="AuditOptions.FromEnvironment"/> with the system clock
    /// (the key from <c>MTMCP_AUDIT_KEY</c>, if set).
    /// </param>
    /// <exception cref="StorageException">The file cannot be opened or created, is not a journal, or has a newer schema.</exception>
    /// <exception cref="ArgumentException"><paramref name="audit"/> is null and <c>MTMCP_AUDIT_KEY</c> holds a key that is too short.</exception>
    public SqliteTradingJournal(string path, JournalDurability durability = JournalDurability.ProcessCrashSafe, AuditOptions? audit = null)
        : this(path, durability, DefaultBusyTimeoutSeconds, audit)
    {
    }

    internal SqliteTradingJournal(string path, JournalDurability durability, int busyTimeoutSeconds, AuditOptions? audit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (audit is { CheckpointEveryRecords: < 1 } || audit?.CheckpointEvery <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(audit), "The audit checkpoint interval must be at least 1 record and longer than 0 s.");
        }

        if (!Enum.IsDefined(durability))
        {
            throw new ArgumentOutOfRangeException(nameof(durability), durability, "Durability must be ProcessCrashSafe or PowerLossSafe.");
        }

        _path = System.IO.Path.GetFullPath(path);
        Durability = durability;
        _audit = audit ?? AuditOptions.FromEnvironment(TimeProvider.System);
        _auditKeyId = _audit.Key is { } key ? AuditChain.KeyId(key) : null;
        _anchorPath = System.IO.Path.GetFullPath(_audit.AnchorPath ?? AuditAnchor.DefaultPath(_path));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false, // Dispose must release the file: a reopen, a copy or a delete follows it.
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString();
        _connection = new SqliteConnection(connectionString);
        try
        {
            if (System.IO.Path.GetDirectoryName(_path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            _connection.Open();
            var mode = Convert.ToString(ExecuteScalar("PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageException(
                    $"The trading journal '{_path}' cannot use write-ahead logging (SQLite chose journal mode '{mode}'); "
                    + "put it on a local file system.");
            }

            ExecuteScalar(durability == JournalDurability.PowerLossSafe ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
            ExecuteScalar(string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {FallbackCheckpointPages};"));
            EnsureSchema();
            _statements = new JournalStatements(_connection);
            _checkpointer = new WalCheckpointer(connectionString);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            _statements?.Dispose();
            _connection.Dispose();
            throw Failure("open", ex);
        }
        catch
        {
            _statements?.Dispose();
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The database file's full path.</summary>
    public string Path => _path;

    /// <summary>What a returned <see cref="Commit"/> survives.</summary>
    public JournalDurability Durability { get; }

    /// <inheritdoc />
    /// <exception cref="StorageException">The storage failed.</exception>
    public IReadOnlyList<string> ListAccounts()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                _statements.Enlist(null);
                var names = new List<string>();
                using var reader = _statements.ListAccounts.ExecuteReader();
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }

                return names;
            }
            catch (SqliteException ex)
            {
                throw Failure("list the accounts", ex);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="StorageException">The storage failed.</exception>
    public bool Delete(string account)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                using var transaction = Begin();
                if (FindAccountId(account, useCache: false) is not { } accountId)
                {
                    return false;
                }

                Run(_statements.DeleteContents, accountId);
                Run(_statements.DeleteAccount, accountId);
                transaction.Commit();
                return true;
            }
            catch (SqliteException ex)
            {
                throw Failure($"delete account '{account}'", ex);
            }
            finally
            {
                _accountIds.Remove(account);
            }
        }
    }

    /// <summary>Closes the file. Everything committed stays.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            SealOnClose();
            _checkpointer.Dispose();
            _statements.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Reads the value of an SQLite pragma of this journal's connection (for tests).</summary>
    internal string ReadPragma(string name)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return Convert.ToString(ExecuteScalar($"PRAGMA {name};"), CultureInfo.InvariantCulture) ?? "";
        }
    }

    private static bool IsTransient(SqliteException ex) => ex.SqliteErrorCode is
        SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_NOMEM;

    private StorageException Failure(string operation, Exception ex) => ex switch
    {
        SqliteException sqlite => new StorageException(
            $"The trading journal '{_path}' could not {operation}: {sqlite.Message}", IsTransient(sqlite), sqlite),
        _ => new StorageException($"The trading journal '{_path}' could not {operation}: {ex.Message}", isTransient: false, ex),
    };

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Starts a write transaction and makes every prepared statement run inside it.</summary>
    private SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        _statements.Enlist(transaction);
        ForgetAuditHead();
        return transaction;
    }

    /// <summary>The account's id: from the cache, else from the file (caching it). Null when there is no such account.</summary>
    private long? FindAccountId(string account, bool useCache)
    {
        if (useCache && _accountIds.TryGetValue(account, out var cached))
        {
            return cached;
        }

        _statements.FindAccount.Parameters[0].Value = account;
        if (_statements.FindAccount.ExecuteScalar() is not long id)
        {
            _accountIds.Remove(account);
            return null;
        }

        _accountIds[account] = id;
        return id;
    }

    private static void Run(SqliteCommand command, long accountId)
    {
        command.Parameters[0].Value = accountId;
        command.ExecuteNonQuery();
    }

    private object? ExecuteScalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
