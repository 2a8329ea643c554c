using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

/// <summary>
/// Reads a journal's audit log: records by time range, account, actor, kind and client order id, in sequence order.
/// </summary>
/// <remarks>
/// Its own read-only connection, so it may be used while the journal writes (each query sees one snapshot). Not
/// thread-safe: one reader per thread. Queries return what is stored; use <see cref="AuditVerifier"/> to know whether
/// it can be trusted.
/// </remarks>
public sealed class AuditLog : IDisposable
{
    /// <summary>The largest <see cref="AuditQuery.Limit"/>.</summary>
    public const int MaxLimit = 100_000;

    private readonly SqliteConnection _connection;
    private readonly string _path;

    private AuditLog(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
    }

    /// <summary>Opens the audit log of the journal at <paramref name="databasePath"/> for reading.</summary>
    /// <exception cref="StorageException">The file is missing, not a journal, or has no audit log.</exception>
    public static AuditLog Open(string databasePath) => new(AuditDatabase.OpenRead(databasePath), Path.GetFullPath(databasePath));

    /// <summary>The records matching <paramref name="query"/>, in sequence order, at most <see cref="AuditQuery.Limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 and <see cref="MaxLimit"/>, or the time range is reversed.</exception>
    /// <exception cref="StorageException">The file cannot be read or holds a malformed record.</exception>
    public IReadOnlyList<AuditEntry> Read(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"The limit must be between 1 and {MaxLimit}.");
        }

        if (query is { FromMs: { } from, ToMs: { } to } && to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "The time range ends before it starts.");
        }

        using var command = _connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {AuditRows.SelectColumns} FROM audit_log WHERE seq > $after");
        command.Parameters.AddWithValue("$after", query.AfterSequence);
        Filter(command, sql, "account", "$account", query.Account);
        Filter(command, sql, "actor", "$actor", query.Actor);
        Filter(command, sql, "kind", "$kind", query.Kind);
        Filter(command, sql, "client_order_id", "$client_order_id", query.ClientOrderId);
        if (query.FromMs is { } fromMs)
        {
            sql.Append(" AND time_ms >= $from");
            command.Parameters.AddWithValue("$from", fromMs);
        }

        if (query.ToMs is { } toMs)
        {
            sql.Append(" AND time_ms < $to");
            command.Parameters.AddWithValue("$to", toMs);
        }

        sql.Append(" ORDER BY seq LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();
        try
        {
            using var reader = command.ExecuteReader();
            var entries = new List<AuditEntry>();
            while (reader.Read())
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    AuditDatabase.ReadRecord(reader),
                    Convert.ToHexStringLower((byte[])reader.GetValue(9)),
                    Convert.ToHexStringLower((byte[])reader.GetValue(10))));
            }

            return entries;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidCastException or InvalidOperationException)
        {
            throw new StorageException(string.Create(CultureInfo.InvariantCulture, $"The audit log of '{_path}' cannot be read: {ex.Message}"), ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static void Filter(SqliteCommand command, StringBuilder sql, string column, string parameter, string? value)
    {
        if (value is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} = {parameter}");
            command.Parameters.AddWithValue(parameter, value);
        }
    }
}
