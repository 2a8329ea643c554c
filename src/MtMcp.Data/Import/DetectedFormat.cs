using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>What <see cref="DataFormatDetector"/> found out about a file.</summary>
/// <param name="Format">The format, from the content.</param>
/// <param name="Symbol">The symbol named by the file name or LEAN path; null when none is.</param>
/// <param name="Timeframe">The bar timeframe fixed by the format or named by the file name; null for ticks or when unknown.</param>
/// <param name="Day">The UTC day of a LEAN tick, second or minute file (from its name); null otherwise.</param>
public sealed record DetectedFormat(DataFormat Format, string? Symbol, Timeframe? Timeframe, DateOnly? Day);
