using MtMcp.Data.Import;
using MtMcp.Domain;

namespace MtMcp.Data;

/// <summary>One imported file and its effect on the store.</summary>
/// <param name="Path">The file.</param>
/// <param name="Format">The detected (or given) format.</param>
/// <param name="Symbol">The symbol the rows were stored under.</param>
/// <param name="Timeframe">The bar timeframe, or null for ticks.</param>
/// <param name="Rows">Rows read from the file.</param>
/// <param name="Added">Rows new to the store.</param>
/// <param name="Replaced">Stored rows that the file changed.</param>
/// <param name="Unchanged">Rows the store already held identically.</param>
/// <param name="Removed">Stored ticks dropped because the file's ticks for that millisecond replace them.</param>
/// <param name="Notes">What the importer inferred (timeframe from spacing, point from decimals, ...).</param>
public sealed record ImportedFile(
    string Path, DataFormat Format, string Symbol, Timeframe? Timeframe, int Rows, int Added, int Replaced, int Unchanged, int Removed, IReadOnlyList<string> Notes);
