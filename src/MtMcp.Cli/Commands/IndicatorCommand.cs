using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MtMcp.Data.Import;
using MtMcp.Data.Query;
using MtMcp.Data.Resampling;
using MtMcp.Domain;
using MtMcp.Indicators;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp indicator</c>: compute any indicator on stored or file data, or list them all.</summary>
internal static class IndicatorCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("NAME") { Description = "Indicator name (sma, rsi, macd, bbands, cdlengulfing, ...).", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List every indicator with its parameters and outputs." };
        var json = new Option<bool>("--json") { Description = "With --list: print the metadata as JSON." };
        var data = new Option<string?>("--data") { Description = "Read bars (or ticks) from this file instead of the store." };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol in the store (or of the --data file)." };
        var timeframe = new Option<string?>("--timeframe", "-t") { Description = "Timeframe of the bars the rows are printed for." };
        var onTimeframe = new Option<string?>("--on-timeframe")
        {
            Description = "Compute on this longer timeframe and align the values back to --timeframe without look-ahead.",
        };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "Parameter as key=value (repeatable), e.g. -p time_period=14 -p ma_type=ema.",
            AllowMultipleArgumentsPerToken = false,
        };
        var source = new Option<string>("--source") { Description = "Price for single-series indicators: close, open, high, low, hl2, hlc3, ohlc4, hlcc4, volume.", DefaultValueFactory = _ => "close" };
        var source2 = new Option<string>("--source2") { Description = "Second series for two-series indicators (beta, correl, add, ...).", DefaultValueFactory = _ => "open" };
        var range = new RangeOptions();
        var command = new Command("indicator", "Compute an indicator: one row per bar, `time,<outputs>`, empty cells during the warm-up.")
        {
            name, list, json, data, symbol, timeframe, onTimeframe, parameters, source, source2,
        };
        range.AddTo(command);

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(list))
            {
                await IndicatorList.WriteAsync(output, result.GetValue(json)).ConfigureAwait(false);
                return 0;
            }

            var indicator = IndicatorRegistry.Get(result.GetValue(name) ?? throw new UserErrorException("Name an indicator, or use --list to see them."));
            var bound = IndicatorParameters.Bind(indicator.Info, ParsePairs(result.GetValue(parameters) ?? []));
            var catalog = globals.LoadCatalog(result);
            var (bars, tf) = LoadBars(result, globals, catalog, result.GetValue(data), result.GetValue(symbol), result.GetValue(timeframe));

            var computeOn = result.GetValue(onTimeframe) is { } higher ? Timeframes.Parse(higher) : tf;
            var values = computeOn == tf
                ? Compute(indicator, bound, bars, result.GetValue(source)!, result.GetValue(source2)!)
                : ComputeOnLonger(indicator, bound, bars, tf, computeOn, result.GetValue(source)!, result.GetValue(source2)!);

            var (first, last) = Rows(bars, range.From(result), range.To(result), range.Count(result));
            await range.WriteAsync(result, w => WriteAsync(w, indicator.Info, bars, values, first, last, range.Format(result), cancellationToken)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    internal static (Bar[] Bars, Timeframe Timeframe) LoadBars(
        ParseResult result, GlobalOptions globals, SymbolCatalog catalog, string? file, string? symbol, string? timeframeText)
    {
        Timeframe? timeframe = timeframeText is null ? null : Timeframes.Parse(timeframeText);
        if (file is null)
        {
            if (symbol is null || timeframe is null)
            {
                throw new UserErrorException("Give --symbol and --timeframe to read the store, or --data FILE.");
            }

            using var store = globals.OpenStore(result);
            return (new MarketDataQuery(store, catalog).GetBars(symbol, timeframe.Value), timeframe.Value);
        }

        if (!File.Exists(file))
        {
            throw new UserErrorException($"No such file: {file}");
        }

        var imported = DataImporter.Import(file, new ImportOptions { Symbol = symbol });
        if (imported.IsTicks)
        {
            var target = timeframe ?? throw new UserErrorException($"{file} holds ticks: give --timeframe to build bars from them.");
            return (BarResampler.TicksToBars(imported.Ticks, target, imported.Point), target);
        }

        var own = imported.Timeframe!.Value;
        if (timeframe is null || timeframe == own)
        {
            return (imported.Bars, own);
        }

        if (!BarResampler.CanResample(own, timeframe.Value))
        {
            throw new UserErrorException($"{file} holds {own} bars, which cannot be resampled to {timeframe}.");
        }

        return (BarResampler.Resample(imported.Bars, own, timeframe.Value), timeframe.Value);
    }

    private static double[][] Compute(Indicator indicator, IndicatorParameters parameters, Bar[] bars, string source, string source2)
    {
        var n = bars.Length;
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
        for (var i = 0; i < n; i++)
        {
            (open[i], high[i], low[i], close[i], volume[i]) = (bars[i].Open, bars[i].High, bars[i].Low, bars[i].Close, bars[i].TickVolume);
        }

        var time = new long[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = bars[i].Time;
        }

        var real0 = new double[n];
        var real1 = new double[n];
        PriceSources.Fill(PriceSources.Parse(source), open, high, low, close, volume, real0);
        PriceSources.Fill(PriceSources.Parse(source2), open, high, low, close, volume, real1);
        return indicator.Compute(new IndicatorInputs { Time = time, Open = open, High = high, Low = low, Close = close, Volume = volume, Real0 = real0, Real1 = real1 }, parameters);
    }

    private static double[][] ComputeOnLonger(
        Indicator indicator, IndicatorParameters parameters, Bar[] bars, Timeframe timeframe, Timeframe longer, string source, string source2)
    {
        if (!BarResampler.CanResample(timeframe, longer))
        {
            throw new UserErrorException($"--on-timeframe {longer} must be a longer timeframe that {timeframe} bars tile (e.g. H4 over H1).");
        }

        var longerBars = BarResampler.Resample(bars, timeframe, longer);
        var values = Compute(indicator, parameters, longerBars, source, source2);
        var longerClose = longerBars.Select(b => longer.NextBarOpenTime(b.Time)).ToArray();
        var close = bars.Select(b => timeframe.NextBarOpenTime(b.Time)).ToArray();
        var aligned = new double[values.Length][];
        for (var k = 0; k < values.Length; k++)
        {
            aligned[k] = new double[bars.Length];
            MultiTimeframe.Align(longerClose, values[k], close, aligned[k]);
        }

        return aligned;
    }

    private static (int First, int Last) Rows(Bar[] bars, DateTimeOffset? from, DateTimeOffset? to, int? count)
    {
        var first = 0;
        var last = bars.Length - 1;
        while (from is { } f && first <= last && bars[first].OpenTime < f)
        {
            first++;
        }

        while (to is { } t && last >= first && bars[last].OpenTime > t)
        {
            last--;
        }

        if (count is { } c && last - first + 1 > c)
        {
            first = last - c + 1;
        }

        return (first, last);
    }

    private static async Task WriteAsync(TextWriter output, IndicatorInfo info, Bar[] bars, double[][] values, int first, int last, OutputFormat format, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartArray();
                for (var i = first; i <= last; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("time", bars[i].OpenTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    for (var k = 0; k < values.Length; k++)
                    {
                        if (double.IsNaN(values[k][i]))
                        {
                            writer.WriteNull(info.Outputs[k].Name);
                        }
                        else
                        {
                            writer.WriteNumber(info.Outputs[k].Name, values[k][i]);
                        }
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync("time," + string.Join(',', info.Outputs.Select(o => o.Name))).ConfigureAwait(false);
        var line = new StringBuilder(64);
        for (var i = first; i <= last; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear().Append(bars[i].OpenTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            for (var k = 0; k < values.Length; k++)
            {
                line.Append(',');
                if (!double.IsNaN(values[k][i]))
                {
                    line.Append(values[k][i].ToString("R", CultureInfo.InvariantCulture));
                }
            }

            await output.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<KeyValuePair<string, string>> ParsePairs(string[] pairs)
    {
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserErrorException($"--param '{pair}' is not key=value (e.g. -p time_period=14).");
            }

            yield return KeyValuePair.Create(pair[..equals].Trim(), pair[(equals + 1)..].Trim());
        }
    }
}
