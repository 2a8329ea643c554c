namespace MtMcp.Strategies;

/// <summary>A strategy document (or a parameter value given for it) is invalid; <see cref="Diagnostics"/> say where and why.</summary>
public sealed class StrategyException : ArgumentException
{
    /// <summary>Creates the exception from its diagnostics (at least one).</summary>
    public StrategyException(IReadOnlyList<StrategyDiagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates the exception with a message and no position.</summary>
    public StrategyException(string message)
        : base(message) => Diagnostics = [new StrategyDiagnostic(string.Empty, 1, 1, message, null)];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public StrategyException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [new StrategyDiagnostic(string.Empty, 1, 1, message, null)];

    /// <summary>Creates the exception with no details.</summary>
    public StrategyException()
        : this("The strategy is invalid.")
    {
    }

    /// <summary>The errors, in document order.</summary>
    public IReadOnlyList<StrategyDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<StrategyDiagnostic> diagnostics) =>
        "Invalid strategy:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
}
