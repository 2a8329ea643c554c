using Microsoft.Data.Sqlite;
using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>The file itself: creation, modes, schema version, foreign or corrupt files, locks.</summary>
public sealed class SqliteTradingJournalFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(JournalDurability.ProcessCrashSafe, "1")] // NORMAL
    [InlineData(JournalDurability.PowerLossSafe, "2")] // FULL
    public void Open_NewFileInMissingFolder_CreatesAWalJournalWithTheDurabilitysSyncMode(JournalDurability durability, string synchronous)
    {
        var path = Path.Combine(_temp.Path, "data", "paper", "accounts.db");

        using var journal = new SqliteTradingJournal(path, durability);

        Assert.True(File.Exists(path));
        Assert.Equal("wal", journal.ReadPragma("journal_mode"));
        Assert.Equal(synchronous, journal.ReadPragma("synchronous"));
        Assert.Equal("3", journal.ReadPragma("user_version"));
        Assert.Equal(path, journal.Path);
    }

    [Fact]
    public void Open_JournalFromANewerSchemaVersion_ThrowsNamingTheFileAndVersions()
    {
        var path = _temp.File("accounts.db");
        new SqliteTradingJournal(path).Dispose();
        Raw(path, "PRAGMA user_version = 4;");

        var ex = Assert.Throws<StorageException>(() => new SqliteTradingJournal(path));

        Assert.False(ex.IsTransient);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 4, newer than version 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SqliteDatabaseOfAnotherApplication_ThrowsAndLeavesItUnchanged()
    {
        var path = _temp.File("other.db");
        Raw(path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');");

        var ex = Assert.Throws<StorageException>(() => new SqliteTradingJournal(path));

        Assert.Contains("not a trading journal", ex.Message, StringComparison.Ordinal);
        Assert.Equal("0", Raw(path, "PRAGMA user_version;"));
        Assert.Equal("keep me", Raw(path, "SELECT text FROM notes;"));
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsANonTransientStorageExceptionNamingTheFile()
    {
        var path = _temp.File("accounts.db");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7))]);

        var ex = Assert.Throws<StorageException>(() => new SqliteTradingJournal(path));

        Assert.False(ex.IsTransient);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("open", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_FileLockedByAnotherProcessesWriter_ThrowsATransientStorageExceptionAndLaterSucceeds()
    {
        var path = _temp.File("accounts.db");
        using var journal = new SqliteTradingJournal(path, JournalDurability.ProcessCrashSafe, busyTimeoutSeconds: 1);
        journal.Save("main", Samples.NewAccount());
        var changes = new AccountChanges { Balance = 5m, NextTicket = 2 };
        StorageException ex;
        using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            other.Open();
            using var hold = other.BeginTransaction(deferred: false); // takes the write lock

            ex = Assert.Throws<StorageException>(() => journal.Commit("main", changes));
        }

        journal.Commit("main", changes);
        Assert.True(ex.IsTransient);
        Assert.Contains("commit a step of account 'main'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5m, journal.Load("main")!.Balance);
    }

    [Fact]
    public void Methods_AfterDispose_ThrowObjectDisposed()
    {
        var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.Load("main"));
        Assert.Throws<ObjectDisposedException>(() => journal.Commit("main", new AccountChanges()));
    }

    private static string Raw(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
