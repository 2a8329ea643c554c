using System.IO.Compression;

namespace MtMcp.Data.Import;

/// <summary>
/// Opens the text of an import: the file itself, or the single CSV inside a zip (LEAN ships one CSV per
/// zip), recognised by its signature rather than its extension.
/// </summary>
internal static class TextSource
{
    /// <summary>What a text body receives: the reader, the zip entry name (null outside a zip) and the text's length if known.</summary>
    public delegate T Body<T>(LineReader reader, string? entryName, long? length);

    public static T Read<T>(string path, Body<T> body)
    {
        // No FileStream buffer: the line reader reads in 1 MiB blocks itself.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, body);
    }

    public static T Read<T>(Stream stream, string filePath, Body<T> body)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        using var reader = new LineReader(stream, filePath, filePath);
        if (!IsZip(reader.Head))
        {
            return body(reader, null, stream.CanSeek ? stream.Length - start : null);
        }

        if (stream.CanSeek)
        {
            stream.Position = start;
            return ReadZip(stream, filePath, body);
        }

        // ZipArchive needs to seek: keep what was read and the rest in memory.
        using var copy = new MemoryStream();
        copy.Write(reader.Head);
        stream.CopyTo(copy);
        copy.Position = 0;
        return ReadZip(copy, filePath, body);
    }

    public static T Read<T>(ReadOnlyMemory<byte> content, string filePath, Body<T> body)
    {
        if (IsZip(content.Span))
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            return ReadZip(stream, filePath, body);
        }

        using var reader = new LineReader(content, filePath, filePath);
        return body(reader, null, content.Length);
    }

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    private static T ReadZip<T>(Stream stream, string filePath, Body<T> body)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw ImportErrors.BadZip(filePath, $"it cannot be read ({e.Message})", e);
        }

        using (archive)
        {
            var files = archive.Entries.Where(entry => entry.FullName.Length > 0 && !entry.FullName.EndsWith('/')).ToList();
            if (files.Count != 1)
            {
                throw ImportErrors.BadZip(
                    filePath,
                    files.Count == 0 ? "it holds no file" : $"it holds {files.Count} files ({string.Join(", ", files.Take(5).Select(f => f.FullName))}{(files.Count > 5 ? ", …" : "")})");
            }

            var entry = files[0];
            try
            {
                using var entryStream = entry.Open();
                using var reader = new LineReader(entryStream, filePath, $"{Path.GetFileName(filePath)}/{entry.FullName}");
                return body(reader, entry.FullName, entry.Length);
            }
            catch (InvalidDataException e)
            {
                throw ImportErrors.BadZip(filePath, $"the entry {entry.FullName} is corrupt ({e.Message})", e);
            }
        }
    }
}
