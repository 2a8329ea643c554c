using System.Globalization;

namespace MtMcp.Storage.Sqlite;

/// <summary>
/// Builds the statements of the ticket-keyed tables from their column lists, so a column added to a table's
/// row mapper is added to every statement at once. Parameters are positional: <c>$p0</c> is the account id.
/// </summary>
internal static class SqlText
{
    public static string Insert(string table, string[] columns) =>
        $"INSERT INTO {table} (account_id, {string.Join(", ", columns)}) VALUES ({Parameters(columns.Length + 1)});";

    public static string Upsert(string table, string[] columns)
    {
        var updates = new string[columns.Length - 1];
        for (var i = 1; i < columns.Length; i++)
        {
            updates[i - 1] = $"{columns[i]} = excluded.{columns[i]}";
        }

        return $"INSERT INTO {table} (account_id, {string.Join(", ", columns)}) VALUES ({Parameters(columns.Length + 1)}) "
            + $"ON CONFLICT (account_id, ticket) DO UPDATE SET {string.Join(", ", updates)};";
    }

    public static string DeleteTicket(string table) => $"DELETE FROM {table} WHERE account_id = $p0 AND ticket = $p1;";

    public static string SelectAll(string table, string[] columns) =>
        $"SELECT {string.Join(", ", columns)} FROM {table} WHERE account_id = $p0 ORDER BY ticket;";

    public static string Parameter(int index) => string.Create(CultureInfo.InvariantCulture, $"$p{index}");

    private static string Parameters(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Parameter(i);
        }

        return string.Join(", ", names);
    }
}
