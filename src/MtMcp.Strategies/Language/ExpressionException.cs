namespace MtMcp.Strategies;

/// <summary>An error inside one expression, at a character range of it; turned into a positioned diagnostic.</summary>
internal sealed class ExpressionException(string message, int start, int length, string? hint = null) : Exception(message)
{
    /// <summary>Offset of the first offending character in the expression.</summary>
    public int Start { get; } = start;

    /// <summary>Length of the offending text (at least 1 when the text is not empty).</summary>
    public int Length { get; } = length;

    /// <summary>How to fix it, or null.</summary>
    public string? Hint { get; } = hint;
}
