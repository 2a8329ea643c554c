namespace MtMcp.Engine;

/// <summary>
/// Durable storage of accounts: a step's changes are committed atomically and survive a crash of the process
/// once <see cref="Commit"/> returns. Implementations: SQLite (default), PostgreSQL.
/// </summary>
/// <remarks>One writer per account; implementations must be safe for different accounts on different threads.</remarks>
public interface ITradingJournal : IDisposable
{
    /// <summary>Names of the stored accounts, in order.</summary>
    IReadOnlyList<string> ListAccounts();

    /// <summary>The stored state of <paramref name="account"/>, or null when there is no such account.</summary>
    AccountState? Load(string account);

    /// <summary>Creates the account, or replaces everything stored for it (a reset), with <paramref name="state"/>.</summary>
    void Save(string account, AccountState state);

    /// <summary>Applies one step's changes atomically and durably.</summary>
    /// <exception cref="InvalidOperationException">The account does not exist.</exception>
    void Commit(string account, AccountChanges changes);

    /// <summary>Removes the account and everything stored for it; false when it did not exist.</summary>
    /// <remarks>The account's audit records stay: the audit trail is append-only and outlives accounts.</remarks>
    bool Delete(string account);

    /// <summary>
    /// Appends audit records that belong to no account step (an account created, reset or removed, a configuration
    /// change, a kill switch) to the audit chain, atomically and durably. A step's own records go with
    /// <see cref="Commit"/> (<see cref="AccountChanges.Audit"/>), in the same transaction.
    /// </summary>
    void AppendAudit(IReadOnlyList<AuditRecord> records);
}
