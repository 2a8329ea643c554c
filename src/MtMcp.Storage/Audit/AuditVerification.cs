namespace MtMcp.Storage;

/// <summary>The result of verifying an audit log.</summary>
public sealed record AuditVerification
{
    /// <summary>Whether the chain, the checkpoints and the anchor all verified.</summary>
    public bool IsIntact => Issues.Count == 0;

    /// <summary>The first problem by sequence number, or null when intact.</summary>
    public AuditIssue? FirstIssue => Issues.Count == 0 ? null : Issues[0];

    /// <summary>The problems found, by sequence number (at most <see cref="AuditVerifier.MaxIssues"/>).</summary>
    public required IReadOnlyList<AuditIssue> Issues { get; init; }

    /// <summary>How many records the log holds.</summary>
    public required long Records { get; init; }

    /// <summary>The last record's sequence number (0 for an empty log).</summary>
    public required long LastSequence { get; init; }

    /// <summary>The last record's hash (lowercase hex), or null for an empty log.</summary>
    public string? LastHash { get; init; }

    /// <summary>How many checkpoints the log holds.</summary>
    public required int Checkpoints { get; init; }

    /// <summary>The sequence number the last checkpoint seals, or null when there is none.</summary>
    public long? LastCheckpoint { get; init; }

    /// <summary>Whether the checkpoints' signatures were checked (a key was given).</summary>
    public required bool SignaturesChecked { get; init; }

    /// <summary>Records after the last checkpoint: truncating them, or appending after them, cannot be detected.</summary>
    public required long UnsealedRecords { get; init; }

    /// <summary>Notes that are not failures (no key given, no anchor file, records not sealed yet).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
