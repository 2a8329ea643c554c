using System.Text.Json;
using MtMcp.Storage.Sqlite;

namespace MtMcp.Storage;

/// <summary>
/// The anchor file: the latest checkpoint written outside the database, so that cutting off the end of the log
/// together with its checkpoints is still detected. Replaced atomically (write a temporary file, then rename).
/// </summary>
internal static class AuditAnchor
{
    public static string DefaultPath(string databasePath) => databasePath + ".audit-anchor";

    /// <summary>Replaces the anchor with <paramref name="checkpoint"/>.</summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder is not writable.</exception>
    public static void Write(string path, AuditCheckpoint checkpoint)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(checkpoint, StorageJsonContext.Default.AuditCheckpoint));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The anchor's checkpoint, or null when there is no anchor file.</summary>
    /// <exception cref="StorageException">The file exists but cannot be read or is not an anchor.</exception>
    public static AuditCheckpoint? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StorageJsonContext.Default.AuditCheckpoint)
                ?? throw new JsonException("The file holds null.");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"The audit anchor file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
