namespace MtMcp.Data.Store;

/// <summary>
/// The market-data store could not read or write a series: an I/O failure, a corrupt file, or a series
/// locked by another writer for too long. The message names the series and the file.
/// </summary>
public sealed class MarketDataStoreException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MarketDataStoreException()
        : base("The market-data store failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MarketDataStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public MarketDataStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file or folder of the store.</summary>
    /// <param name="message">What went wrong, naming the series.</param>
    /// <param name="path">The file or folder concerned.</param>
    /// <param name="innerException">The failure that caused it, if any.</param>
    public MarketDataStoreException(string message, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The file or folder concerned, when known.</summary>
    public string? Path { get; }
}
