using MtMcp.Data.Import;
using MtMcp.Data.Store;
using MtMcp.Domain;

namespace MtMcp.Data;

/// <summary>
/// Imports files into the store: every file is parsed and checked before anything is written, so a
/// bad file among many leaves the store exactly as it was.
/// </summary>
public sealed class MarketDataImport
{
    private readonly MarketDataStore _store;
    private readonly SymbolCatalog _catalog;

    /// <summary>Creates an import into <paramref name="store"/> (the caller keeps and disposes it); <paramref name="catalog"/> supplies symbol points.</summary>
    public MarketDataImport(MarketDataStore store, SymbolCatalog catalog)
    {
        _store = store;
        _catalog = catalog;
    }

    /// <summary>Parses every file, then writes them in order.</summary>
    /// <param name="paths">Files to import.</param>
    /// <param name="options">Overrides applied to every file.</param>
    /// <param name="progress">Receives the number of files done (parsing counts the first half, writing the second).</param>
    /// <param name="cancellationToken">Stops between files, before anything is written.</param>
    /// <exception cref="DataImportException">A file is unreadable or malformed; nothing was written.</exception>
    public ImportOutcome Import(IReadOnlyList<string> paths, ImportOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var parsed = new List<(string Path, ImportedData Data, string Symbol)>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parsed.Add(Parse(paths[i], options));
            progress?.Report(i + 1);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var files = new List<ImportedFile>(parsed.Count);
        foreach (var (path, data, symbol) in parsed)
        {
            var written = data.Timeframe is { } timeframe
                ? _store.WriteBars(symbol, timeframe, data.Bars)
                : _store.WriteTicks(symbol, data.Ticks);
            files.Add(new ImportedFile(path, data.Format, symbol, data.Timeframe, data.RowsRead, written.Added, written.Replaced, written.Unchanged, written.Removed, data.Notes));
        }

        return new ImportOutcome(files);
    }

    private (string Path, ImportedData Data, string Symbol) Parse(string path, ImportOptions options)
    {
        // Spreads are counted in the symbol's points. The file is parsed once with the point the catalogue
        // gives for a named symbol, else with the point inferred from its prices; only when the file names a
        // catalogue symbol whose point differs from the inferred one is it parsed again with that point.
        var known = options.Symbol is not null && options.Point is null && _catalog.TryGet(options.Symbol, out var named) ? named : null;
        var data = DataImporter.Import(path, known is null ? options : options with { Point = known.Point });
        if (known is null && options.Point is null && data.Symbol is not null
            && _catalog.TryGet(data.Symbol, out var detected) && detected.Point != data.Point)
        {
            data = DataImporter.Import(path, options with { Point = detected.Point });
        }

        var name = options.Symbol ?? data.Symbol
            ?? throw new DataImportException(path, null, "the file name does not say which symbol the data is for; give it with --symbol");
        if (data.RowsRead == 0 || (data.Bars.Length == 0 && data.Ticks.Length == 0))
        {
            throw new DataImportException(path, null, "the file holds no data rows");
        }

        return (path, data, _catalog.TryGet(name, out var spec) ? spec.Name : name.ToUpperInvariant());
    }
}
