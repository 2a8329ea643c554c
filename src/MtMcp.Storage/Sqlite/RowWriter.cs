using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MtMcp.Storage.Sqlite;

/// <summary>
/// Binds one row's values, in column order, to the positional parameters of a prepared statement. The storage
/// conventions live here: decimals as invariant TEXT (exact, scale kept), unsigned 64-bit numbers as the
/// INTEGER with the same bits (lossless; readable as is below 2^63), NaN as NULL (SQLite has no NaN).
/// </summary>
internal ref struct RowWriter(SqliteParameterCollection parameters, int first = 0)
{
    private int _next = first;

    /// <summary>How many parameters have been bound.</summary>
    public readonly int Count => _next;

    public void Write(long value) => parameters[_next++].Value = value;

    public void Write(ulong value) => Write(unchecked((long)value));

    public void Write(int value) => Write((long)value);

    public void Write(bool value) => Write(value ? 1L : 0L);

    public void Write(decimal value) => parameters[_next++].Value = value.ToString(CultureInfo.InvariantCulture);

    public void Write(double value) => parameters[_next++].Value = double.IsNaN(value) ? DBNull.Value : value;

    public void Write(string? value) => parameters[_next++].Value = value is null ? DBNull.Value : value;

    public void Write(byte[] value) => parameters[_next++].Value = value;
}
