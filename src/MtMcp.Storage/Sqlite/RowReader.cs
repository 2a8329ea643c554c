using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MtMcp.Storage.Sqlite;

/// <summary>Reads one row's values in column order: the inverse of <see cref="RowWriter"/>.</summary>
internal ref struct RowReader(SqliteDataReader reader)
{
    private int _next;

    public long Int64() => reader.GetInt64(_next++);

    public ulong UInt64() => unchecked((ulong)Int64());

    public int Int32() => checked((int)Int64());

    public bool Boolean() => Int64() != 0;

    public decimal Decimal() => decimal.Parse(reader.GetString(_next++), NumberStyles.Number, CultureInfo.InvariantCulture);

    public double Double()
    {
        var i = _next++;
        return reader.IsDBNull(i) ? double.NaN : reader.GetDouble(i);
    }

    public string String() => reader.GetString(_next++);

    public string? NullableString()
    {
        var i = _next++;
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }
}
