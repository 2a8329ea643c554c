namespace MtMcp.Storage;

/// <summary>A filter over the audit log; every criterion left null matches everything.</summary>
public sealed record AuditQuery
{
    /// <summary>Only this account (exact name; empty = server-wide records).</summary>
    public string? Account { get; init; }

    /// <summary>Only this actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Only this kind (<c>order_intent</c>, <c>risk_decision</c>, …).</summary>
    public string? Kind { get; init; }

    /// <summary>Only records of this client order id.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>Only records whose event time is at or after this, Unix ms UTC.</summary>
    public long? FromMs { get; init; }

    /// <summary>Only records whose event time is before this, Unix ms UTC.</summary>
    public long? ToMs { get; init; }

    /// <summary>Only records after this sequence number (paging: pass the last sequence of the previous page).</summary>
    public long AfterSequence { get; init; }

    /// <summary>At most this many records (1 to 100,000; default 1000), in sequence order.</summary>
    public int Limit { get; init; } = 1000;
}
