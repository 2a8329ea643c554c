using System.Globalization;
using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>Where one series lives: <c>bars/SYMBOL/TF/</c> or <c>ticks/SYMBOL/</c> under the store root.</summary>
internal sealed class SeriesLocation
{
    public const string ManifestFileName = "manifest.json";
    public const string ManifestTempFileName = "manifest.json.tmp";
    public const string LockFileName = "write.lock";
    public const char GenerationPrefix = 'g';

    private SeriesLocation(SeriesKind kind, string symbol, string symbolFolder, Timeframe? timeframe, string directory)
    {
        Kind = kind;
        Symbol = symbol;
        SymbolFolder = symbolFolder;
        Timeframe = timeframe;
        Directory = directory;
        Label = timeframe is { } tf ? $"bars {symbol} {tf.Name()}" : $"ticks {symbol}";
    }

    public SeriesKind Kind { get; }

    /// <summary>The symbol as the caller spelt it.</summary>
    public string Symbol { get; }

    /// <summary>The symbol's folder name (upper case).</summary>
    public string SymbolFolder { get; }

    public Timeframe? Timeframe { get; }

    public string Directory { get; }

    /// <summary>How messages name the series, e.g. <c>bars EURUSD M1</c>.</summary>
    public string Label { get; }

    public string ManifestPath => Path.Combine(Directory, ManifestFileName);

    public string ManifestTempPath => Path.Combine(Directory, ManifestTempFileName);

    public string LockPath => Path.Combine(Directory, LockFileName);

    public static string BarsRoot(string root) => Path.Combine(root, "bars");

    public static string TicksRoot(string root) => Path.Combine(root, "ticks");

    /// <exception cref="ArgumentException">The symbol name is not allowed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not one of the 21 MT5 timeframes.</exception>
    public static SeriesLocation ForBars(string root, string symbol, Timeframe timeframe)
    {
        var folder = SymbolNames.ToFolderName(symbol, nameof(symbol));
        if (!Timeframes.IsDefined(timeframe))
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Not an MT5 timeframe.");
        }

        return new SeriesLocation(SeriesKind.Bars, symbol, folder, timeframe, Path.Combine(BarsRoot(root), folder, timeframe.Name()));
    }

    /// <exception cref="ArgumentException">The symbol name is not allowed.</exception>
    public static SeriesLocation ForTicks(string root, string symbol)
    {
        var folder = SymbolNames.ToFolderName(symbol, nameof(symbol));
        return new SeriesLocation(SeriesKind.Ticks, symbol, folder, null, Path.Combine(TicksRoot(root), folder));
    }

    /// <summary>A series found on disk by listing; its symbol is known only as the folder name until the manifest is read.</summary>
    public static SeriesLocation Found(SeriesKind kind, string symbolFolder, Timeframe? timeframe, string directory) =>
        new(kind, symbolFolder, symbolFolder, timeframe, directory);

    public string GenerationDirectory(long generation) =>
        Path.Combine(Directory, GenerationPrefix + generation.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Deletes a generation folder if it is there. A folder that cannot go yet (Windows refuses while a reader maps it)
    /// stays; whoever finds it replaced later tries again (the last reader closing it, the next write of the series).
    /// </summary>
    public static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still in use, or deleted meanwhile by another process.
        }
    }

    /// <summary>The generation number of a folder named like <c>g12</c>, or -1 for any other name.</summary>
    public static long ParseGeneration(string folderName) =>
        folderName.Length > 1 && folderName[0] == GenerationPrefix
        && long.TryParse(folderName.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? generation
            : -1;
}
