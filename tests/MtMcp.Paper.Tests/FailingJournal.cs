namespace MtMcp.Paper.Tests;

/// <summary>A journal that fails its commits on demand, around a real one.</summary>
internal sealed class FailingJournal(ITradingJournal inner) : ITradingJournal
{
    public bool FailCommits { get; set; }

    public IReadOnlyList<string> ListAccounts() => inner.ListAccounts();

    public AccountState? Load(string account) => inner.Load(account);

    public void Save(string account, AccountState state) => inner.Save(account, state);

    public void Commit(string account, AccountChanges changes)
    {
        if (FailCommits)
        {
            throw new IOException("disk full (simulated)");
        }

        inner.Commit(account, changes);
    }

    public bool Delete(string account) => inner.Delete(account);

    public void AppendAudit(IReadOnlyList<AuditRecord> records) => inner.AppendAudit(records);

    public void Dispose() => inner.Dispose();
}
