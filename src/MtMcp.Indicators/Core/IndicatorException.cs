namespace MtMcp.Indicators;

/// <summary>
/// A request the indicator cannot serve: an unknown name or parameter, a value out of range, too little
/// data, a NaN in the input. The message names what was wrong and what is allowed.
/// </summary>
public sealed class IndicatorException : ArgumentException
{
    /// <summary>Creates the exception; <paramref name="parameter"/> names the offending parameter or input, if any.</summary>
    public IndicatorException(string message, string? parameter = null)
        : base(message)
    {
        Parameter = parameter;
    }

    /// <summary>Creates the exception with no parameter.</summary>
    public IndicatorException()
        : this("Invalid indicator request.")
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public IndicatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The parameter or input the message is about, or null.</summary>
    public string? Parameter { get; }
}
