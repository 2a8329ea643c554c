using System.Text.Json;
using Microsoft.Data.Sqlite;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

public sealed partial class SqliteTradingJournal
{
    /// <inheritdoc />
    /// <remarks>
    /// Steps committed at the same time from different threads share one SQLite transaction (group commit, see
    /// <see cref="SqliteTradingJournal"/>); each returns only once its own step is durable, and a malformed step fails
    /// alone.
    /// </remarks>
    /// <exception cref="StorageException">The storage failed; nothing of the step was stored.</exception>
    /// <exception cref="ArgumentException">
    /// A transaction lacks the order, deal or position its type needs, or an audit record a required field; nothing was stored.
    /// </exception>
    public void Commit(string account, AccountChanges changes)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentNullException.ThrowIfNull(changes);
        CommitGrouped(account, changes, records: null);
    }

    /// <summary>Writes one step inside the group's write transaction; returns the audit checkpoint it wrote, if any.</summary>
    private AuditCheckpoint? WriteStep(string account, AccountChanges changes)
    {
        var accountId = FindAccountId(account, useCache: true) ?? throw UnknownAccount(account);
        var transactions = changes.Transactions;
        for (var i = 0; i < transactions.Count; i++)
        {
            Apply(account, accountId, i, transactions[i]);
        }

        var clientOrders = changes.ClientOrders;
        for (var i = 0; i < clientOrders.Count; i++)
        {
            WriteClientOrder(accountId, clientOrders[i].Key, clientOrders[i].Value);
        }

        var update = _statements.UpdateAccount;
        var row = new RowWriter(update.Parameters);
        row.Write(accountId);
        row.Write(changes.Balance);
        row.Write(changes.Credit);
        row.Write(changes.NextTicket);
        row.Write(changes.TimeMs);
        row.Write(changes.Cursor);
        row.Write(changes.RiskState);
        if (update.ExecuteNonQuery() == 0)
        {
            // Deleted behind the cached id (by another journal on the same file).
            _accountIds.Remove(account);
            throw UnknownAccount(account);
        }

        // The step's audit records land in the same transaction: never a fill without its record, or the reverse.
        return changes.Audit.Count > 0 ? AppendAuditLocked(changes.Audit, force: false) : null;
    }

    /// <inheritdoc />
    /// <exception cref="StorageException">The storage failed or holds a row it cannot read.</exception>
    public AccountState? Load(string account)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                // A read transaction: the account row and its tables come from one snapshot of the file.
                using var transaction = _connection.BeginTransaction(deferred: true);
                _statements.Enlist(transaction);
                if (FindAccountId(account, useCache: false) is not { } accountId)
                {
                    return null;
                }

                _statements.LoadAccount.Parameters[0].Value = accountId;
                using var reader = _statements.LoadAccount.ExecuteReader();
                return ReadState(reader);
            }
            catch (Exception ex) when (ex is SqliteException or JsonException or FormatException or OverflowException or InvalidCastException)
            {
                throw Failure($"load account '{account}'", ex);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="StorageException">The storage failed; what was stored before is unchanged.</exception>
    public void Save(string account, AccountState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                using var transaction = Begin();
                var settings = JsonSerializer.Serialize(state.Settings, StorageJsonContext.Default.AccountSettings);
                long accountId;
                if (FindAccountId(account, useCache: false) is { } existing)
                {
                    accountId = existing;
                    Run(_statements.DeleteContents, accountId);
                    WriteAccount(_statements.ResetAccount, accountId, state, settings);
                    _statements.ResetAccount.ExecuteNonQuery();
                }
                else
                {
                    WriteAccount(_statements.InsertAccount, account, state, settings);
                    accountId = (long)_statements.InsertAccount.ExecuteScalar()!;
                }

                foreach (var order in state.Orders)
                {
                    WriteOrder(_statements.InsertOrder, accountId, order);
                }

                foreach (var position in state.Positions)
                {
                    WritePosition(_statements.InsertPosition, accountId, position);
                }

                foreach (var deal in state.Deals)
                {
                    WriteDeal(_statements.InsertDeal, accountId, deal);
                }

                foreach (var (clientOrderId, result) in state.ClientOrders)
                {
                    WriteClientOrder(accountId, clientOrderId, result);
                }

                transaction.Commit();
                _accountIds[account] = accountId;
            }
            catch (SqliteException ex)
            {
                _accountIds.Remove(account);
                throw Failure($"save account '{account}'", ex);
            }
        }
    }

    private InvalidOperationException UnknownAccount(string account) =>
        new($"No account named '{account}' is stored in the trading journal '{_path}'; save it before committing steps to it.");

    /// <summary>Applies one trade transaction to the tables (see <see cref="ITradingJournal.Commit"/> for the rules).</summary>
    private void Apply(string account, long accountId, int index, TradeTransaction transaction)
    {
        switch (transaction.Type)
        {
            case TradeTransactionType.OrderAdd or TradeTransactionType.OrderUpdate
                or TradeTransactionType.HistoryAdd or TradeTransactionType.HistoryUpdate:
                WriteOrder(_statements.UpsertOrder, accountId, transaction.Order ?? throw Missing(account, index, transaction, "order"));
                break;
            case TradeTransactionType.OrderDelete or TradeTransactionType.Request:
                // The order's final state arrives with the HISTORY_ADD that follows; a request changes no state.
                break;
            case TradeTransactionType.HistoryDelete:
                DeleteTicket(_statements.DeleteOrder, accountId, (transaction.Order ?? throw Missing(account, index, transaction, "order")).Ticket);
                break;
            case TradeTransactionType.DealAdd:
                WriteDeal(_statements.InsertDeal, accountId, transaction.Deal ?? throw Missing(account, index, transaction, "deal"));
                break;
            case TradeTransactionType.DealUpdate:
                WriteDeal(_statements.UpsertDeal, accountId, transaction.Deal ?? throw Missing(account, index, transaction, "deal"));
                break;
            case TradeTransactionType.DealDelete:
                DeleteTicket(_statements.DeleteDeal, accountId, (transaction.Deal ?? throw Missing(account, index, transaction, "deal")).Ticket);
                break;
            case TradeTransactionType.Position:
                var position = transaction.Position ?? throw Missing(account, index, transaction, "position");
                if (position.Volume == 0m)
                {
                    DeleteTicket(_statements.DeletePosition, accountId, position.Ticket);
                }
                else
                {
                    WritePosition(_statements.UpsertPosition, accountId, position);
                }

                break;
            default:
                throw new ArgumentException(
                    $"Transaction {index} of the step for account '{account}' has the unknown type {transaction.Type}; nothing was stored.");
        }
    }

    private static ArgumentException Missing(string account, int index, TradeTransaction transaction, string what) =>
        new($"Transaction {index} ({transaction.Type}) of the step for account '{account}' carries no {what}; nothing was stored.");

    private static AccountState ReadState(SqliteDataReader reader)
    {
        reader.Read();
        var account = new RowReader(reader);
        var (balance, credit, nextTicket, timeMs, cursor) = (account.Decimal(), account.Decimal(), account.UInt64(), account.Int64(), account.Int64());
        var settings = JsonSerializer.Deserialize(account.String(), StorageJsonContext.Default.AccountSettings)
            ?? throw new JsonException("The account's settings are null.");
        var riskState = account.NullableString();

        var orders = new List<Order>();
        reader.NextResult();
        while (reader.Read())
        {
            var row = new RowReader(reader);
            orders.Add(OrderRows.Read(ref row));
        }

        var positions = new List<Position>();
        reader.NextResult();
        while (reader.Read())
        {
            var row = new RowReader(reader);
            positions.Add(PositionRows.Read(ref row));
        }

        var deals = new List<Deal>();
        reader.NextResult();
        while (reader.Read())
        {
            var row = new RowReader(reader);
            deals.Add(DealRows.Read(ref row));
        }

        var clientOrders = new Dictionary<string, TradeResult>(StringComparer.Ordinal);
        reader.NextResult();
        while (reader.Read())
        {
            clientOrders.Add(
                reader.GetString(0),
                JsonSerializer.Deserialize(reader.GetString(1), StorageJsonContext.Default.TradeResult)
                    ?? throw new JsonException("A client order result is null."));
        }

        return new AccountState
        {
            Settings = settings,
            Balance = balance,
            Credit = credit,
            NextTicket = nextTicket,
            TimeMs = timeMs,
            Cursor = cursor,
            RiskState = riskState,
            Orders = orders,
            Positions = positions,
            Deals = deals,
            ClientOrders = clientOrders,
        };
    }

    private static void WriteAccount<TKey>(SqliteCommand command, TKey key, AccountState state, string settings)
    {
        var row = new RowWriter(command.Parameters, first: 1);
        command.Parameters[0].Value = key;
        row.Write(state.Balance);
        row.Write(state.Credit);
        row.Write(state.NextTicket);
        row.Write(state.TimeMs);
        row.Write(state.Cursor);
        row.Write(settings);
        row.Write(state.RiskState);
    }

    private static void WriteOrder(SqliteCommand command, long accountId, Order order)
    {
        var row = new RowWriter(command.Parameters);
        row.Write(accountId);
        OrderRows.Write(ref row, order);
        command.ExecuteNonQuery();
    }

    private static void WritePosition(SqliteCommand command, long accountId, Position position)
    {
        var row = new RowWriter(command.Parameters);
        row.Write(accountId);
        PositionRows.Write(ref row, position);
        command.ExecuteNonQuery();
    }

    private static void WriteDeal(SqliteCommand command, long accountId, Deal deal)
    {
        var row = new RowWriter(command.Parameters);
        row.Write(accountId);
        DealRows.Write(ref row, deal);
        command.ExecuteNonQuery();
    }

    private static void DeleteTicket(SqliteCommand command, long accountId, ulong ticket)
    {
        var row = new RowWriter(command.Parameters);
        row.Write(accountId);
        row.Write(ticket);
        command.ExecuteNonQuery();
    }

    private void WriteClientOrder(long accountId, string clientOrderId, TradeResult result)
    {
        var command = _statements.InsertClientOrder;
        var row = new RowWriter(command.Parameters);
        row.Write(accountId);
        row.Write(clientOrderId);
        row.Write(JsonSerializer.Serialize(result, StorageJsonContext.Default.TradeResult));
        command.ExecuteNonQuery();
    }
}
