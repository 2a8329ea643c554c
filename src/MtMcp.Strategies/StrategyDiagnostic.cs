using System.Globalization;

namespace MtMcp.Strategies;

/// <summary>One error in a strategy document, at a line and column of the document text.</summary>
/// <param name="Field">Dotted path of the offending value (<c>long_entry</c>, <c>parameters.fast.min</c>); empty for the whole document.</param>
/// <param name="Line">Line, 1-based.</param>
/// <param name="Column">Column in characters, 1-based.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it (a did-you-mean or the allowed values), or null.</param>
public sealed record StrategyDiagnostic(string Field, int Line, int Column, string Message, string? Hint)
{
    /// <summary><c>line:column: field: message (hint)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Line}:{Column}: {(Field.Length > 0 ? Field + ": " : string.Empty)}{Message}{(Hint is null ? string.Empty : " " + Hint)}");
}
