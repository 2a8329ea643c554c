using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// The exclusive write lock of one series: an open, unshared handle on <c>write.lock</c> in the series folder.
/// The operating system releases it when the process dies, so a crash never leaves a series locked. Readers never take it.
/// </summary>
internal sealed class SeriesLock : IDisposable
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(25);

    private readonly FileStream _handle;

    private SeriesLock(FileStream handle) => _handle = handle;

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/> for another writer to finish.</summary>
    /// <exception cref="MarketDataStoreException">Another writer held the lock for the whole timeout.</exception>
    public static SeriesLock Acquire(SeriesLocation location, TimeSpan timeout)
    {
        Directory.CreateDirectory(location.Directory);
        var path = location.LockPath;

        // Counting attempts instead of reading a clock keeps the store free of time sources.
        var attempts = Math.Max(1, (int)Math.Ceiling(timeout / s_retryDelay));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // FileShare.None is a sharing lock on Windows and an flock(LOCK_EX) on Unix, also between threads of one process.
                // The file is never deleted: deleting a lock file lets two writers lock two different files.
                return new SeriesLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException))
            {
                if (attempt >= attempts)
                {
                    throw new MarketDataStoreException(
                        Invariant($"{location.Label} is being written by another writer (lock {path} held for more than {timeout.TotalSeconds:0.###} s); try again when it has finished."),
                        path,
                        ex);
                }

                Thread.Sleep(s_retryDelay);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
