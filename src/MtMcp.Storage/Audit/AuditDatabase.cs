using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MtMcp.Storage;

/// <summary>Opens a journal file read-only for the audit readers (the verifier, the log queries).</summary>
internal static class AuditDatabase
{
    /// <summary>A read-only connection to the journal at <paramref name="path"/>; the caller disposes it.</summary>
    /// <exception cref="StorageException">The file is missing, not a journal, or has no audit log.</exception>
    public static SqliteConnection OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new StorageException($"There is no trading journal at '{full}'.");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            if (Scalar(connection, "PRAGMA application_id;") != SqliteTradingJournal.ApplicationId)
            {
                throw new StorageException($"The file '{full}' is not a trading journal.");
            }

            if (Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('audit_log', 'audit_checkpoints');") != 2)
            {
                throw new StorageException(
                    $"The trading journal '{full}' has no audit log: it was written before the audit trail existed (schema version 1) "
                    + "or its audit tables were dropped. Opening it with the journal adds an empty log.");
            }

            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StorageException($"The trading journal '{full}' cannot be read: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The record of the current row of a <c>SELECT AuditRows.SelectColumns</c>.</summary>
    public static AuditRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetString(3),
        reader.GetInt64(2),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetString(8));
}
