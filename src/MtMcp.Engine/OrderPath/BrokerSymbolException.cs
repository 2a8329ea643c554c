namespace MtMcp.Engine;

/// <summary>
/// The broker does not offer a symbol, or offers it with a specification the engine cannot model (a currency code
/// that is not three letters, more than eight digits): a fact about the account, not a link failure.
/// </summary>
/// <remarks>Marked mutable as every exception is (stack trace, <see cref="Exception.Data"/>); its own state is fixed.</remarks>
[Mutable]
public sealed class BrokerSymbolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BrokerSymbolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BrokerSymbolException()
        : this("The broker does not offer the symbol.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public BrokerSymbolException(string message)
        : this(message, null)
    {
    }
}
