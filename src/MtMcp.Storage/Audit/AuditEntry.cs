namespace MtMcp.Storage;

/// <summary>One stored record of the audit chain.</summary>
/// <param name="Sequence">Its position in the chain: 1, 2, 3, … without gaps.</param>
/// <param name="RecordedUs">When the journal appended it, Unix microseconds UTC (wall clock).</param>
/// <param name="Record">What was recorded (its <see cref="AuditRecord.TimeMs"/> is the event's own time).</param>
/// <param name="PreviousHash">The previous record's hash (lowercase hex, 64 digits).</param>
/// <param name="Hash">This record's hash (lowercase hex, 64 digits).</param>
public sealed record AuditEntry(long Sequence, long RecordedUs, AuditRecord Record, string PreviousHash, string Hash);
