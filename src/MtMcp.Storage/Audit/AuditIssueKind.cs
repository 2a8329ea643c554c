namespace MtMcp.Storage;

/// <summary>What is wrong with the audit log at a sequence number.</summary>
public enum AuditIssueKind
{
    /// <summary>A record's contents do not match its hash: it was edited, or moved to another position.</summary>
    Edited,

    /// <summary>Records are missing from the middle of the chain (deleted).</summary>
    Missing,

    /// <summary>A record does not carry the hash of the record before it: a record was rewritten with a recomputed hash, replaced or inserted.</summary>
    BrokenLink,

    /// <summary>A record's sequence number is not part of a chain starting at 1 (inserted).</summary>
    Inserted,

    /// <summary>The end of the log is gone: a checkpoint (in the log or the anchor file) seals records that are no longer there.</summary>
    Truncated,

    /// <summary>A checkpoint's hash differs from the record it seals: the records before it were rewritten and re-chained.</summary>
    Rewritten,

    /// <summary>A checkpoint's signature does not verify with the key: it was forged or altered (or the wrong key was given).</summary>
    ForgedCheckpoint,

    /// <summary>The log's tables or triggers are missing or altered.</summary>
    Structure,
}
