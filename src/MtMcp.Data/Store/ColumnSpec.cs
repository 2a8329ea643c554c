namespace MtMcp.Data.Store;

/// <summary>One column file of a series: raw little-endian values of one fixed size, one per row.</summary>
/// <param name="FileName">File name inside the generation folder, e.g. <c>close.f64</c>.</param>
/// <param name="ElementSize">Bytes per row.</param>
internal readonly record struct ColumnSpec(string FileName, int ElementSize);
