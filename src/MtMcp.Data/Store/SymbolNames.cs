using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// Checks symbol names and maps them to folder names that are the same on every file system:
/// upper case (so lookups ignore case on case-sensitive disks too) and free of Windows pitfalls.
/// </summary>
internal static class SymbolNames
{
    public const int MaxLength = 64;

    // Device names Windows refuses as file or folder names, with or without an extension.
    private static readonly string[] s_windowsDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>Validates <paramref name="symbol"/> and returns its folder name.</summary>
    /// <exception cref="ArgumentException">The name is empty, too long, or holds a character or pattern that is not allowed.</exception>
    public static string ToFolderName(string symbol, string paramName)
    {
        ArgumentNullException.ThrowIfNull(symbol, paramName);
        if (symbol.Length is 0 or > MaxLength)
        {
            throw new ArgumentException(
                Invariant($"Symbol name must be 1 to {MaxLength} characters long; got {symbol.Length}."), paramName);
        }

        foreach (var c in symbol)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '#'))
            {
                var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? Invariant($"U+{(int)c:X4}") : c.ToString();
                throw new ArgumentException(
                    $"Symbol name '{symbol}' contains '{shown}'; allowed are letters A-Z and a-z, digits, '.', '_', '-' and '#'.",
                    paramName);
            }
        }

        if (symbol == "." || symbol.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Symbol name '{symbol}' must not be '.' or contain '..'.", paramName);
        }

        var upper = symbol.ToUpperInvariant();
        var dot = upper.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? upper : upper[..dot];
        if (Array.IndexOf(s_windowsDeviceNames, stem) >= 0)
        {
            throw new ArgumentException(
                $"Symbol name '{symbol}' is a reserved device name on Windows and cannot be stored.", paramName);
        }

        // Windows drops a trailing dot from folder names, which would merge "EURUSD." into "EURUSD";
        // '~' is not allowed in symbols, so the mapping stays one-to-one.
        return upper[^1] == '.' ? upper + "~" : upper;
    }
}
