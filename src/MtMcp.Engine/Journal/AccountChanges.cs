namespace MtMcp.Engine;

/// <summary>
/// Everything one step of an account (a request, a quote, a rollover, a balance operation) changed, in the
/// order it happened. The host commits it to the journal before acknowledging the step, then publishes it.
/// </summary>
[Mutable]
public sealed class AccountChanges
{
    private readonly List<TradeTransaction> _transactions = [];
    private readonly List<KeyValuePair<string, TradeResult>> _clientOrders = [];
    private readonly List<AuditRecord> _audit = [];

    /// <summary>The trade transactions, in order.</summary>
    public IReadOnlyList<TradeTransaction> Transactions => _transactions;

    /// <summary>Results of requests that carried a client order id, to answer repeats of those ids.</summary>
    public IReadOnlyList<KeyValuePair<string, TradeResult>> ClientOrders => _clientOrders;

    /// <summary>Audit records of the step, appended to the audit chain in the same transaction.</summary>
    public IReadOnlyList<AuditRecord> Audit => _audit;

    /// <summary>Balance after the step.</summary>
    public decimal Balance { get; set; }

    /// <summary>Credit after the step.</summary>
    public decimal Credit { get; set; }

    /// <summary>The next ticket the account will issue (orders, deals and positions share one sequence).</summary>
    public ulong NextTicket { get; set; }

    /// <summary>Venue time of the step, Unix ms UTC: where a replay resumes after a restart.</summary>
    public long TimeMs { get; set; }

    /// <summary>
    /// The host's position in its market feed when the step happened (for a replay: the index of the last tick
    /// processed), committed with the step so a restarted replay resumes exactly there. The engine ignores it.
    /// </summary>
    public long Cursor { get; set; }

    /// <summary>
    /// The risk gate's state of the account to store with the step (equity peak, day reference, breach latches), or
    /// null to keep the stored one. Opaque to the engine and the journal (see <see cref="IRiskMonitor"/>).
    /// </summary>
    public string? RiskState { get; set; }

    /// <summary>Whether the step changed anything that must be journaled.</summary>
    public bool IsEmpty => _transactions.Count == 0 && _clientOrders.Count == 0 && _audit.Count == 0 && !BalanceChanged && RiskState is null;

    /// <summary>Whether the balance or credit changed without a deal (only a reset does this).</summary>
    public bool BalanceChanged { get; set; }

    /// <summary>Adds a transaction.</summary>
    public void Add(TradeTransaction transaction) => _transactions.Add(transaction);

    /// <summary>Records the result of a request with a client order id.</summary>
    public void AddClientOrder(string clientOrderId, TradeResult result) => _clientOrders.Add(new(clientOrderId, result));

    /// <summary>Adds an audit record.</summary>
    public void AddAudit(AuditRecord record) => _audit.Add(record);

    /// <summary>Empties the set for the next step.</summary>
    public void Clear()
    {
        _transactions.Clear();
        _clientOrders.Clear();
        _audit.Clear();
        BalanceChanged = false;
        RiskState = null;
    }
}
