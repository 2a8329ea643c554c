namespace MtMcp.Data.Store;

/// <summary>
/// What one write did with its input rows; <c>Added + Replaced + Unchanged</c> equals the number of rows passed in.
/// </summary>
/// <param name="Added">Rows whose time was not stored before.</param>
/// <param name="Replaced">Rows whose time was stored with different values; the new values won.</param>
/// <param name="Unchanged">Rows identical (bit for bit) to the stored ones.</param>
public readonly record struct WriteResult(int Added, int Replaced, int Unchanged)
{
    /// <summary>Whether the write changed the stored series.</summary>
    public bool Changed => Added != 0 || Replaced != 0;
}
