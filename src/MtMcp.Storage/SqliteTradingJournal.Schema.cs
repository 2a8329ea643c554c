using System.Globalization;
using Microsoft.Data.Sqlite;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

public sealed partial class SqliteTradingJournal
{
    /// <summary>The schema version this build writes and reads (SQLite's <c>user_version</c>).</summary>
    public const int SchemaVersion = 3;

    /// <summary>Marks the file as a trading journal (SQLite's <c>application_id</c>, "MTJN").</summary>
    internal const int ApplicationId = 0x4D544A4E;

    private const string AccountsSchema = """
        CREATE TABLE accounts (
            account_id  INTEGER PRIMARY KEY,
            name        TEXT    NOT NULL UNIQUE,
            balance     TEXT    NOT NULL, -- account currency, exact decimal
            credit      TEXT    NOT NULL,
            next_ticket INTEGER NOT NULL,
            time_ms     INTEGER NOT NULL,
            cursor      INTEGER NOT NULL, -- the host's feed position (AccountChanges.Cursor)
            settings    TEXT    NOT NULL, -- AccountSettings as JSON
            risk_state  TEXT              -- the risk gate's state (AccountChanges.RiskState), opaque
        );
        CREATE TABLE client_orders (
            seq             INTEGER PRIMARY KEY, -- insertion order
            account_id      INTEGER NOT NULL,
            client_order_id TEXT    NOT NULL,
            result          TEXT    NOT NULL,    -- the first TradeResult as JSON
            UNIQUE (account_id, client_order_id)
        );
        """;

    /// <summary>Creates the schema in a new file, or checks that an existing file is a journal this build can read.</summary>
    private void EnsureSchema()
    {
        // IMMEDIATE: two processes opening a new file at once must not both create the tables.
        using var transaction = _connection.BeginTransaction(deferred: false);
        var applicationId = Scalar("PRAGMA application_id;", transaction);
        var version = Scalar("PRAGMA user_version;", transaction);
        if (applicationId == 0 && version == 0)
        {
            if (Scalar("SELECT count(*) FROM sqlite_schema;", transaction) != 0)
            {
                throw new StorageException(
                    $"The file '{_path}' is an SQLite database but not a trading journal (it has tables and no journal "
                    + "schema); refusing to change it. Point the journal at a new file.");
            }

            Execute(AccountsSchema + OrderRows.Schema + PositionRows.Schema + DealRows.Schema + AuditRows.Schema, transaction);
            Execute(
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {SchemaVersion};"),
                transaction);
            transaction.Commit();
            return;
        }

        if (applicationId != ApplicationId)
        {
            throw new StorageException(
                $"The file '{_path}' is an SQLite database of another application (application id {applicationId}), not a "
                + "trading journal; refusing to change it.");
        }

        if (version > SchemaVersion)
        {
            throw new StorageException(
                $"The trading journal '{_path}' has schema version {version}, newer than version {SchemaVersion} that this "
                + "build reads: it was written by a newer MtMcp. Run that version, or point the journal at another file.");
        }

        if (version < 1)
        {
            throw new StorageException(
                $"The trading journal '{_path}' has schema version {version}, which no version of MtMcp wrote.");
        }

        if (version < SchemaVersion)
        {
            // Version 2 added the audit chain, version 3 the risk gate's state of each account.
            if (version == 1)
            {
                Execute(AuditRows.Schema, transaction);
            }

            Execute("ALTER TABLE accounts ADD COLUMN risk_state TEXT;", transaction);
            Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {SchemaVersion};"), transaction);
            transaction.Commit();
        }
    }

    private long Scalar(string sql, SqliteTransaction? transaction)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql, SqliteTransaction? transaction)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
