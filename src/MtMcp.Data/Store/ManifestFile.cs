using System.Text.Json;
using MtMcp.Domain;
using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>Reads, validates and atomically replaces a series manifest.</summary>
internal static class ManifestFile
{
    /// <summary>The committed state, or <see langword="null"/> when the series was never committed.</summary>
    /// <exception cref="MarketDataStoreException">The manifest is unreadable or inconsistent.</exception>
    public static SeriesState? Read(SeriesLocation location)
    {
        var path = location.ManifestPath;
        byte[] bytes;
        try
        {
            // Share delete so a writer can replace the manifest while a reader holds it open (Windows).
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        SeriesManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, StoreJsonContext.Default.SeriesManifest);
        }
        catch (JsonException ex)
        {
            throw Corrupt(location, path, ex.Message, ex);
        }

        return manifest is null ? throw Corrupt(location, path, "it holds no manifest object.") : Validate(location, path, manifest);
    }

    /// <summary>Commits <paramref name="state"/>: writes a temporary file, flushes it to disk, then renames it over the manifest.</summary>
    public static void Write(SeriesLocation location, SeriesState state)
    {
        var manifest = new SeriesManifest
        {
            FormatVersion = SeriesManifest.CurrentFormatVersion,
            Kind = KindName(location.Kind),
            Symbol = state.Symbol,
            Timeframe = location.Timeframe?.Name(),
            Count = state.Count,
            FirstTime = state.FirstTime,
            LastTime = state.LastTime,
            Generation = state.Generation,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, StoreJsonContext.Default.SeriesManifest);
        var temp = location.ManifestTempPath;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, location.ManifestPath, overwrite: true);
    }

    private static string KindName(SeriesKind kind) => kind == SeriesKind.Bars ? "bars" : "ticks";

    private static SeriesState Validate(SeriesLocation location, string path, SeriesManifest manifest)
    {
        if (manifest.FormatVersion != SeriesManifest.CurrentFormatVersion)
        {
            throw Corrupt(location, path, Invariant(
                $"format version {manifest.FormatVersion} is not supported (this build reads version {SeriesManifest.CurrentFormatVersion})."));
        }

        if (!string.Equals(manifest.Kind, KindName(location.Kind), StringComparison.Ordinal)
            || !string.Equals(manifest.Timeframe, location.Timeframe?.Name(), StringComparison.Ordinal))
        {
            throw Corrupt(location, path, $"it describes '{manifest.Kind} {manifest.Timeframe}', not this series.");
        }

        string folder;
        try
        {
            folder = SymbolNames.ToFolderName(manifest.Symbol, nameof(manifest.Symbol));
        }
        catch (ArgumentException ex)
        {
            throw Corrupt(location, path, ex.Message, ex);
        }

        if (!string.Equals(folder, location.SymbolFolder, StringComparison.Ordinal))
        {
            throw Corrupt(location, path, $"it names symbol '{manifest.Symbol}'.");
        }

        if (manifest.Count is < 0 or > int.MaxValue)
        {
            throw Corrupt(location, path, Invariant($"row count {manifest.Count} is out of range."));
        }

        if (manifest.Generation < 1 || (manifest.Count > 0 && manifest.FirstTime > manifest.LastTime))
        {
            throw Corrupt(location, path, Invariant(
                $"generation {manifest.Generation}, first time {manifest.FirstTime} and last time {manifest.LastTime} are inconsistent."));
        }

        return new SeriesState(manifest.Symbol, (int)manifest.Count, manifest.FirstTime, manifest.LastTime, manifest.Generation);
    }

    private static MarketDataStoreException Corrupt(SeriesLocation location, string path, string reason, Exception? inner = null) =>
        new($"The manifest of {location.Label} is corrupt ({path}): {reason}", path, inner);
}
