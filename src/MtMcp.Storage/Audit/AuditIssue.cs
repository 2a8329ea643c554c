namespace MtMcp.Storage;

/// <summary>One problem the verifier found.</summary>
/// <param name="Sequence">The first record concerned.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence naming the record(s) and what does not match.</param>
public sealed record AuditIssue(long Sequence, AuditIssueKind Kind, string Message);
