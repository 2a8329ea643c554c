namespace MtMcp.Data.Store;

/// <summary>A run of consecutive rows of a stored series: <c>[Start, Start + Length)</c>.</summary>
/// <param name="Start">Index of the first row.</param>
/// <param name="Length">Number of rows; 0 for an empty range.</param>
public readonly record struct RowRange(int Start, int Length)
{
    /// <summary>Index one past the last row.</summary>
    public int End => Start + Length;
}
