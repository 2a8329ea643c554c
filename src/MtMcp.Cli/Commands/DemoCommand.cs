using System.CommandLine;
using System.Globalization;
using MtMcp.Data.Store;
using MtMcp.DemoMarket;
using MtMcp.Domain;

namespace MtMcp.Cli.Commands;

/// <summary>
/// <c>mtmcp demo</c>: fills the demo store with generated M1 history for the catalogue's symbols and
/// shows the latest prices; <c>--stream</c> then prints live demo ticks in real time.
/// </summary>
/// <remarks>
/// Demo data lives in its own store (<c>&lt;data-dir&gt;/demo</c>), never mixed with imported real data;
/// the data commands read it with <c>--demo</c>.
/// </remarks>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions globals, TimeProvider time)
    {
        var days = new Option<int>("--days") { Description = "Days of M1 history to generate, back from now.", DefaultValueFactory = _ => 365 };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the demo market (same seed, same market)." };
        var symbols = new Option<string[]?>("--symbols")
        {
            Description = "Symbols to generate (default: the whole catalogue).",
            AllowMultipleArgumentsPerToken = true,
        };
        var stream = new Option<double?>("--stream") { Description = "Afterwards, print live demo ticks for this many seconds (real time)." };
        var command = new Command("demo", "Generate the demo market's history into the demo store and show the latest prices.") { days, seed, symbols, stream };

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var catalog = globals.LoadCatalog(result);
            var dayCount = result.GetValue(days);
            if (dayCount is < 1 or > 3650)
            {
                throw new UserErrorException($"--days must be between 1 and 3650, not {dayCount}.");
            }

            var selected = SelectSymbols(catalog, result.GetValue(symbols));
            var options = new DemoMarketOptions { Symbols = catalog };
            if (result.GetValue(seed) is { } s)
            {
                options = options with { Seed = s };
            }

            var market = new DemoMarket.DemoMarket(options);
            var now = FloorToMinute(time.GetUtcNow());
            var from = Max(market.Start, now.AddDays(-dayCount));
            using var store = globals.OpenDemoStore(result);
            var output = result.InvocationConfiguration.Output;
            var started = time.GetTimestamp();

            var added = await Progress.RunAsync(result, "Generating demo history", selected.Count, report =>
            {
                var total = 0;
                for (var i = 0; i < selected.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    total += Fill(store, market, selected[i], from, now);
                    report.Report(i + 1);
                }

                return total;
            }).ConfigureAwait(false);

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Demo market (seed {options.Seed}) in {store.RootDirectory}: {added} new M1 bars for {selected.Count} symbols in {time.GetElapsedTime(started).TotalSeconds:0.0} s.")).ConfigureAwait(false);
            await PrintLatestAsync(output, store, selected, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Next: mtmcp data bars EURUSD --timeframe H1 --count 24 --demo").ConfigureAwait(false);

            if (result.GetValue(stream) is { } seconds && seconds > 0)
            {
                await StreamAsync(output, market, selected, now, time, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    // Generates only what the store lacks, so a second run appends the minutes since the first.
    private static int Fill(MarketDataStore store, DemoMarket.DemoMarket market, SymbolSpec symbol, DateTimeOffset from, DateTimeOffset to)
    {
        using (var existing = store.OpenBars(symbol.Name, Timeframe.M1))
        {
            if (existing.Count > 0)
            {
                from = Max(from, DateTimeOffset.FromUnixTimeSeconds(existing.Time[existing.Count - 1] + 60));
            }
        }

        if (from >= to)
        {
            return 0;
        }

        var bars = market.GenerateM1(symbol, from, to);
        return bars.Length == 0 ? 0 : store.WriteBars(symbol.Name, Timeframe.M1, bars).Added;
    }

    private static async Task PrintLatestAsync(TextWriter output, MarketDataStore store, IReadOnlyList<SymbolSpec> symbols, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{"SYMBOL",-10} {"LAST BAR (UTC)",-17} {"CLOSE",14} {"SPREAD",6} {"BARS",9}")).ConfigureAwait(false);
        foreach (var symbol in symbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var bars = store.OpenBars(symbol.Name, Timeframe.M1);
            if (bars.Count == 0)
            {
                continue;
            }

            var last = bars[bars.Count - 1];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{symbol.Name,-10} {last.OpenTime.UtcDateTime,-17:yyyy-MM-dd HH:mm} {symbol.FormatPrice(last.Close),14} {last.Spread,6} {bars.Count,9}")).ConfigureAwait(false);
        }
    }

    private static async Task StreamAsync(
        TextWriter output, DemoMarket.DemoMarket market, IReadOnlyList<SymbolSpec> symbols, DateTimeOffset from, TimeProvider time, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(duration);
        var wanted = symbols.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var digits = symbols.ToDictionary(s => s.Name, s => s.Digits, StringComparer.OrdinalIgnoreCase);
        await output.WriteLineAsync("TIME (UTC)               SYMBOL            BID            ASK").ConfigureAwait(false);
        try
        {
            await foreach (var tick in market.StreamAsync(from, time, timeout.Token).ConfigureAwait(false))
            {
                if (!wanted.Contains(tick.Symbol) || tick.Tick.TimeMs < time.GetUtcNow().ToUnixTimeMilliseconds() - 1000)
                {
                    continue;
                }

                var format = "F" + digits[tick.Symbol].ToString(CultureInfo.InvariantCulture);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{tick.Tick.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}  {tick.Symbol,-10} {tick.Tick.Bid.ToString(format, CultureInfo.InvariantCulture),14} {tick.Tick.Ask.ToString(format, CultureInfo.InvariantCulture),14}")).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The --stream duration ran out.
        }
    }

    private static List<SymbolSpec> SelectSymbols(SymbolCatalog catalog, string[]? names)
    {
        if (names is null || names.Length == 0)
        {
            return [.. catalog];
        }

        return [.. names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(catalog.Get)];
    }

    private static DateTimeOffset FloorToMinute(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds() / 60 * 60);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
