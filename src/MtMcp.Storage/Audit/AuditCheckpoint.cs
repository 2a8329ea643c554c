namespace MtMcp.Storage;

/// <summary>A signed checkpoint: the chain's head at <see cref="Sequence"/>, signed with the audit key.</summary>
/// <param name="Sequence">The last record it seals.</param>
/// <param name="Hash">That record's hash (lowercase hex).</param>
/// <param name="CreatedUs">When it was written, Unix microseconds UTC.</param>
/// <param name="KeyId">The id of the key that signed it (not the key).</param>
/// <param name="Mac">HMAC-SHA256 over (sequence, hash, time) with the key (lowercase hex).</param>
public sealed record AuditCheckpoint(long Sequence, string Hash, long CreatedUs, string KeyId, string Mac);
