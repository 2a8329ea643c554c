namespace MtMcp.Storage;

/// <summary>How far a committed step is guaranteed to survive a failure.</summary>
public enum JournalDurability
{
    /// <summary>
    /// A commit survives the process being killed at any moment (SQLite WAL with <c>synchronous=NORMAL</c>: the
    /// write-ahead log is in the operating system's cache when <see cref="SqliteTradingJournal.Commit"/> returns).
    /// A power loss or kernel crash may lose the last commits, never the file's consistency.
    /// </summary>
    ProcessCrashSafe,

    /// <summary>
    /// A commit also survives a power loss (<c>synchronous=FULL</c>: the log is flushed to the disk on every commit),
    /// at the price of one disk flush per commit.
    /// </summary>
    PowerLossSafe,
}
