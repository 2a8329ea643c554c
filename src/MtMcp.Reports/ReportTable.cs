namespace MtMcp.Reports;

/// <summary>A numeric table, e.g. the passes of an optimisation: one row per parameter set, best first.</summary>
/// <param name="Title">Heading.</param>
/// <param name="Columns">Column names (snake_case).</param>
/// <param name="Rows">Rows of values, each as long as <paramref name="Columns"/>; null where undefined.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<double?>> Rows);
