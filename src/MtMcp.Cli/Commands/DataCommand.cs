using System.CommandLine;
using System.Globalization;
using MtMcp.Data;
using MtMcp.Data.Import;
using MtMcp.Data.Query;
using MtMcp.Domain;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp data</c>: import, list and export market data.</summary>
internal static class DataCommand
{
    public static Command Create(GlobalOptions globals, TimeProvider time)
    {
        var command = new Command("data", "Import, list and export market data (bars and ticks).");
        command.Subcommands.Add(CreateImport(globals, time));
        command.Subcommands.Add(CreateList(globals));
        command.Subcommands.Add(CreateBars(globals));
        command.Subcommands.Add(CreateTicks(globals));
        return command;
    }

    private static Command CreateImport(GlobalOptions globals, TimeProvider time)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Files or folders to import (folders: every .csv, .txt and .zip inside, recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol of the data, when the file name does not say it." };
        var format = new Option<string?>("--format") { Description = "Skip detection: " + string.Join(", ", Enum.GetNames<DataFormat>()) + "." };
        var timeframe = new Option<string?>("--timeframe") { Description = "Timeframe of a bar file, when neither its name nor its spacing tells it." };
        var zone = new Option<string?>("--time-zone")
        {
            Description = "Clock of the file's times for MT5 exports and generic CSV: UTC (default), an offset such as +02:00, or a zone id such as Europe/Athens.",
        };
        var command = new Command("import", "Import bar or tick files into the store (formats detected; see docs/data.md).") { files, symbol, format, timeframe, zone };

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var catalog = globals.LoadCatalog(result);
            var options = new ImportOptions
            {
                Symbol = result.GetValue(symbol),
                Format = ParseFormat(result.GetValue(format)),
                Timeframe = result.GetValue(timeframe) is { } tf ? Timeframes.Parse(tf) : null,
                TimeZone = ParseZone(result.GetValue(zone)),
            };
            var paths = ExpandFiles(result.GetValue(files)!);
            using var store = globals.OpenStore(result);
            var pipeline = new MarketDataImport(store, catalog);
            var output = result.InvocationConfiguration.Output;
            var started = time.GetTimestamp();

            var outcome = await Progress.RunAsync(result, "Importing", paths.Count, report => pipeline.Import(paths, options, report, cancellationToken))
                .ConfigureAwait(false);

            foreach (var file in outcome.Files)
            {
                var what = file.Timeframe is { } t ? $"{file.Rows} {t} bars" : $"{file.Rows} ticks";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Path}: {file.Format}, {file.Symbol}, {what}: {file.Added} added, {file.Replaced} replaced, {file.Unchanged} unchanged{(file.Removed > 0 ? $", {file.Removed} removed" : "")}")).ConfigureAwait(false);
                foreach (var note in file.Notes)
                {
                    await output.WriteLineAsync($"  note: {note}").ConfigureAwait(false);
                }
            }

            var seconds = time.GetElapsedTime(started).TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Imported {outcome.Files.Count} file(s), {outcome.Files.Sum(f => f.Rows)} rows in {seconds:0.00} s.")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateList(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("list", "List the stored series: symbol, bars per timeframe or ticks, rows, first and last time.") { json };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            using var store = globals.OpenStore(result);
            var series = store.List();
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                var rows = series.Select(SeriesJson.From).ToList();
                await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(rows, CliJsonContext.Default.ListSeriesJson)).ConfigureAwait(false);
                return 0;
            }

            if (series.Count == 0)
            {
                await output.WriteLineAsync("The store is empty. Import data with `mtmcp data import FILE` or run `mtmcp demo`.").ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{"SYMBOL",-12} {"SERIES",-6} {"ROWS",12} {"FIRST (UTC)",-20} {"LAST (UTC)",-20} {"SIZE",10}")).ConfigureAwait(false);
            foreach (var s in series)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Symbol,-12} {SeriesJson.KindName(s),-6} {s.Count,12} {s.FirstUtc,-20:yyyy-MM-dd HH:mm:ss} {s.LastUtc,-20:yyyy-MM-dd HH:mm:ss} {Size(s.SizeBytes),10}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateBars(GlobalOptions globals)
    {
        var symbol = new Argument<string>("SYMBOL") { Description = "Symbol, e.g. EURUSD." };
        var timeframe = new Option<string>("--timeframe", "-t") { Description = "Timeframe: M1..M30, H1..H12, D1, W1, MN1.", Required = true };
        var range = new RangeOptions();
        var command = new Command("bars", "Print bars (from the stored timeframe, or resampled from shorter bars or ticks).") { symbol, timeframe };
        range.AddTo(command);
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var catalog = globals.LoadCatalog(result);
            var name = result.GetValue(symbol)!;
            var tf = Timeframes.Parse(result.GetValue(timeframe)!);
            using var store = globals.OpenStore(result);
            var query = new MarketDataQuery(store, catalog);
            var bars = query.GetBars(name, tf, range.From(result), range.To(result), range.Count(result));
            var digits = catalog.TryGet(name, out var spec) ? spec.Digits : (int?)null;
            await range.WriteAsync(result, w => MarketDataWriter.WriteBarsAsync(w, bars, range.Format(result), digits, cancellationToken)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateTicks(GlobalOptions globals)
    {
        var symbol = new Argument<string>("SYMBOL") { Description = "Symbol, e.g. EURUSD." };
        var range = new RangeOptions();
        var command = new Command("ticks", "Print stored ticks.") { symbol };
        range.AddTo(command);
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var catalog = globals.LoadCatalog(result);
            var name = result.GetValue(symbol)!;
            using var store = globals.OpenStore(result);
            var query = new MarketDataQuery(store, catalog);
            var ticks = query.GetTicks(name, range.From(result), range.To(result), range.Count(result));
            var digits = catalog.TryGet(name, out var spec) ? spec.Digits : (int?)null;
            await range.WriteAsync(result, w => MarketDataWriter.WriteTicksAsync(w, ticks, range.Format(result), digits, cancellationToken)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static DataFormat? ParseFormat(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Enum.TryParse<DataFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format)
            ? format
            : throw new UserErrorException($"Unknown format '{text}'. Allowed: {string.Join(", ", Enum.GetNames<DataFormat>())}.");
    }

    private static TimeZoneInfo? ParseZone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text[0] is '+' or '-' && TimeSpan.TryParseExact(text[1..], [@"hh\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var offset))
        {
            return ImportOptions.FixedOffset(text[0] == '-' ? -offset : offset);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new UserErrorException($"Unknown time zone '{text}'. Use UTC, an offset such as +02:00, or an IANA zone id such as Europe/Athens.");
        }
    }

    private static List<string> ExpandFiles(string[] inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new UserErrorException($"No such file or folder: {input}");
            }
        }

        return files.Count > 0 ? files : throw new UserErrorException("The folders given hold no .csv, .txt or .zip files.");
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
