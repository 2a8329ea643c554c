using Microsoft.Data.Sqlite;

namespace MtMcp.Storage.Sqlite;

/// <summary>
/// Every statement the journal runs, prepared once per connection and reused: a commit only rebinds values.
/// Not thread-safe: the journal's lock guards it.
/// </summary>
internal sealed class JournalStatements : IDisposable
{
    private readonly List<SqliteCommand> _all = [];

    public JournalStatements(SqliteConnection connection)
    {
        InsertOrder = Prepare(connection, SqlText.Insert(OrderRows.Table, OrderRows.Columns), OrderRows.Columns.Length + 1);
        UpsertOrder = Prepare(connection, SqlText.Upsert(OrderRows.Table, OrderRows.Columns), OrderRows.Columns.Length + 1);
        DeleteOrder = Prepare(connection, SqlText.DeleteTicket(OrderRows.Table), 2);
        InsertPosition = Prepare(connection, SqlText.Insert(PositionRows.Table, PositionRows.Columns), PositionRows.Columns.Length + 1);
        UpsertPosition = Prepare(connection, SqlText.Upsert(PositionRows.Table, PositionRows.Columns), PositionRows.Columns.Length + 1);
        DeletePosition = Prepare(connection, SqlText.DeleteTicket(PositionRows.Table), 2);
        InsertDeal = Prepare(connection, SqlText.Insert(DealRows.Table, DealRows.Columns), DealRows.Columns.Length + 1);
        UpsertDeal = Prepare(connection, SqlText.Upsert(DealRows.Table, DealRows.Columns), DealRows.Columns.Length + 1);
        DeleteDeal = Prepare(connection, SqlText.DeleteTicket(DealRows.Table), 2);
        InsertClientOrder = Prepare(
            connection,
            "INSERT INTO client_orders (account_id, client_order_id, result) VALUES ($p0, $p1, $p2) "
            + "ON CONFLICT (account_id, client_order_id) DO NOTHING;",
            3);
        FindAccount = Prepare(connection, "SELECT account_id FROM accounts WHERE name = $p0;", 1);
        ListAccounts = Prepare(connection, "SELECT name FROM accounts ORDER BY name;", 0);
        InsertAccount = Prepare(
            connection,
            "INSERT INTO accounts (name, balance, credit, next_ticket, time_ms, cursor, settings, risk_state) "
            + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7) RETURNING account_id;",
            8);
        ResetAccount = Prepare(
            connection,
            "UPDATE accounts SET balance = $p1, credit = $p2, next_ticket = $p3, time_ms = $p4, cursor = $p5, settings = $p6, "
            + "risk_state = $p7 WHERE account_id = $p0;",
            8);
        UpdateAccount = Prepare(
            connection,
            "UPDATE accounts SET balance = $p1, credit = $p2, next_ticket = $p3, time_ms = $p4, cursor = $p5, "
            + "risk_state = coalesce($p6, risk_state) WHERE account_id = $p0;",
            7);
        DeleteContents = Prepare(
            connection,
            "DELETE FROM orders WHERE account_id = $p0; DELETE FROM positions WHERE account_id = $p0; "
            + "DELETE FROM deals WHERE account_id = $p0; DELETE FROM client_orders WHERE account_id = $p0;",
            1);
        DeleteAccount = Prepare(connection, "DELETE FROM accounts WHERE account_id = $p0;", 1);
        InsertAudit = Prepare(connection, AuditRows.Insert, 11);
        AuditHead = Prepare(connection, AuditRows.Head, 0);
        LastCheckpoint = Prepare(connection, AuditRows.LastCheckpoint, 0);
        InsertCheckpoint = Prepare(connection, AuditRows.InsertCheckpoint, 5);

        // One command, one result set per table, read in this order by the journal's Load.
        LoadAccount = Prepare(
            connection,
            "SELECT balance, credit, next_ticket, time_ms, cursor, settings, risk_state FROM accounts WHERE account_id = $p0; "
            + SqlText.SelectAll(OrderRows.Table, OrderRows.Columns)
            + SqlText.SelectAll(PositionRows.Table, PositionRows.Columns)
            + SqlText.SelectAll(DealRows.Table, DealRows.Columns)
            + "SELECT client_order_id, result FROM client_orders WHERE account_id = $p0 ORDER BY seq;",
            1);
    }

    public SqliteCommand InsertOrder { get; }

    public SqliteCommand UpsertOrder { get; }

    public SqliteCommand DeleteOrder { get; }

    public SqliteCommand InsertPosition { get; }

    public SqliteCommand UpsertPosition { get; }

    public SqliteCommand DeletePosition { get; }

    public SqliteCommand InsertDeal { get; }

    public SqliteCommand UpsertDeal { get; }

    public SqliteCommand DeleteDeal { get; }

    public SqliteCommand InsertClientOrder { get; }

    public SqliteCommand FindAccount { get; }

    public SqliteCommand ListAccounts { get; }

    public SqliteCommand InsertAccount { get; }

    public SqliteCommand ResetAccount { get; }

    public SqliteCommand UpdateAccount { get; }

    public SqliteCommand DeleteContents { get; }

    public SqliteCommand DeleteAccount { get; }

    public SqliteCommand LoadAccount { get; }

    public SqliteCommand InsertAudit { get; }

    public SqliteCommand AuditHead { get; }

    public SqliteCommand LastCheckpoint { get; }

    public SqliteCommand InsertCheckpoint { get; }

    /// <summary>Makes every statement run inside <paramref name="transaction"/> (null: outside any).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }

        _all.Clear();
    }

    private SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = SqlText.Parameter(i) });
        }

        command.Prepare();
        _all.Add(command);
        return command;
    }
}
