namespace MtMcp.Data.Import;

/// <summary>Small helpers over the bytes of one field.</summary>
internal static class FieldText
{
    /// <summary>Removes surrounding spaces and one pair of double quotes.</summary>
    public static ReadOnlySpan<byte> Clean(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty || (field[0] != (byte)' ' && field[0] != (byte)'"' && field[^1] != (byte)' '))
        {
            return field;
        }

        field = field.Trim((byte)' ');
        if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"')
        {
            field = field[1..^1].Trim((byte)' ');
        }

        return field;
    }

    /// <summary>Whether the line holds nothing but spaces and tabs.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;
}
