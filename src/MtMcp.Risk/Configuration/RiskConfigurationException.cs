namespace MtMcp.Risk;

/// <summary>A risk configuration that cannot be used; <see cref="Errors"/> lists every problem with its JSON path.</summary>
public sealed class RiskConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public RiskConfigurationException(IReadOnlyList<RiskConfigurationError> errors)
        : base("The risk configuration is invalid: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public RiskConfigurationException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public RiskConfigurationException(string message)
        : base(message)
    {
        Errors = [new RiskConfigurationError("$", message)];
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public RiskConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new RiskConfigurationError("$", message)];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RiskConfigurationError> Errors { get; }
}
