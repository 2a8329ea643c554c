namespace MtMcp.Storage;

/// <summary>
/// The storage failed (disk full, file locked by another process, corrupt or foreign file, newer schema). The
/// message names the file and the operation; it never holds credentials.
/// </summary>
public class StorageException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StorageException()
        : this("The storage failed.")
    {
    }

    /// <summary>Creates a non-transient failure.</summary>
    public StorageException(string message)
        : this(message, isTransient: false)
    {
    }

    /// <summary>Creates a non-transient failure caused by <paramref name="innerException"/>.</summary>
    public StorageException(string message, Exception? innerException)
        : this(message, isTransient: false, innerException)
    {
    }

    /// <summary>Creates a failure.</summary>
    /// <param name="message">What failed: the file and the operation.</param>
    /// <param name="isTransient">Whether the same operation may succeed if retried later.</param>
    /// <param name="innerException">The underlying error.</param>
    public StorageException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>
    /// Whether retrying later may succeed: the file was locked by another process or the disk was full. False for
    /// a corrupt or foreign file, a newer schema, or a missing permission.
    /// </summary>
    public bool IsTransient { get; }
}
