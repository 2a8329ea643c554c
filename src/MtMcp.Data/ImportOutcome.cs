namespace MtMcp.Data;

/// <summary>What an import did, file by file.</summary>
/// <param name="Files">One entry per imported file, in the order given.</param>
public sealed record ImportOutcome(IReadOnlyList<ImportedFile> Files);
