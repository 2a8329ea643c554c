using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Indicators;
using MtMcp.Server.Analysis;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>The <c>analysis</c> toolset: indicators now; market analysis, patterns, scans and correlations later.</summary>
[McpServerToolType]
internal sealed class AnalysisTools(ServerSettings settings, MarketHistory history, ToolRunner runner)
{
    /// <summary>Most rows <c>calculate_indicator</c> returns.</summary>
    public const int MaxRows = 5000;

    /// <summary>Most bars <c>detect_patterns</c> scans.</summary>
    public const int MaxPatternBars = 500;

    // Bars computed before the first row returned: the warm-up plus room for recursive indicators (EMA, RSI, ATR) to converge.
    private const int ConvergenceBars = 500;

    [McpServerTool(Name = "list_indicators", Title = "List indicators", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(IndicatorList))]
    [Description("Lists the indicators calculate_indicator accepts (every TA-Lib function, candlestick patterns and the MetaTrader classics) with their inputs, "
        + "parameters (snake_case names, defaults, ranges, aliases), outputs and warm-up length. Filter by group or text to keep the answer short.")]
    public CallToolResult ListIndicators(
        [Description("Group: OverlapStudies, MomentumIndicators, VolumeIndicators, VolatilityIndicators, PriceTransform, CycleIndicators, PatternRecognition, "
            + "StatisticFunctions, MathTransform, MathOperators, TrendSystems, BillWilliams or Levels.")] string? group = null,
        [Description("Text to find in the name or title, case-insensitive (e.g. 'rsi', 'engulfing').")] string? filter = null) =>
        runner.Run("list_indicators", () =>
        {
            IndicatorGroup? wanted = null;
            if (group is not null)
            {
                if (!Enum.TryParse<IndicatorGroup>(group.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(group.Trim()[0]))
                {
                    throw ToolErrorException.InvalidArgument("group",
                        $"group '{UntrustedText.Clean(group, 32)}' is not known; use one of {string.Join(", ", Enum.GetNames<IndicatorGroup>())}.");
                }

                wanted = parsed;
            }

            var rows = new List<IndicatorSummary>();
            foreach (var indicator in IndicatorRegistry.All)
            {
                var info = indicator.Info;
                if ((wanted is null || info.Group == wanted)
                    && (filter is null || info.Name.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase) || info.Title.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    rows.Add(Summary(indicator));
                }
            }

            return new IndicatorList(rows.Count, rows);
        }, ServerJsonContext.Default.IndicatorList);

    [McpServerTool(Name = "calculate_indicator", Title = "Calculate an indicator", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(IndicatorValues))]
    [Description("Calculates an indicator on a symbol's bars and returns the last 'count' rows: the bar open time and one value per output "
        + "(null during the warm-up). It is computed on up to 500 earlier bars as well, so recursive indicators have converged. "
        + "Call list_indicators for names, parameters and outputs.")]
    public CallToolResult CalculateIndicator(
        [Description("Indicator name, e.g. sma, rsi, macd, bbands, atr, cdlengulfing, ichimoku (case-insensitive).")] string name,
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("Timeframe: M1 … MN1, e.g. H1.")] string timeframe,
        [Description("Parameters by snake_case name or alias, e.g. {\"time_period\": 14} or {\"fast_period\": 12, \"ma_type\": \"ema\"}; omitted ones take their defaults.")] Dictionary<string, JsonElement>? @params = null,
        [Description("Number of most recent rows to return, 1 to 5000 (default 50).")] int? count = null,
        [Description("Price series for single-series indicators: close (default), open, high, low, hl2, hlc3, ohlc4, hlcc4 or volume.")] string? source = null,
        [Description("Second series for two-series indicators (beta, correl, add, …): default open.")] string? source2 = null) =>
        runner.Run("calculate_indicator", () =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw ToolErrorException.InvalidArgument("name", "name is required: an indicator name such as rsi (list_indicators lists them).");
            }

            var spec = Args.Symbol(settings.Catalog, symbol);
            var tf = Args.Timeframe(timeframe);
            var rows = Args.Count(count, 50, 1, MaxRows, "count");
            Indicator indicator;
            IndicatorParameters parameters;
            PriceSource first, second;
            try
            {
                indicator = IndicatorRegistry.Get(name.Trim());
                parameters = IndicatorParameters.Bind(indicator.Info, Pairs(@params));
                first = PriceSources.Parse(source ?? "close");
                second = PriceSources.Parse(source2 ?? "open");
            }
            catch (IndicatorException error)
            {
                throw ToolErrorException.InvalidArgument(ArgumentOf(error.Parameter), UntrustedText.Clean(error.Message, 600));
            }

            var lookback = indicator.LookbackOf(parameters);
            var (bars, dataSource) = history.GetBars(spec, tf, null, null, Math.Min(rows + lookback + ConvergenceBars, 50_000));
            if (bars.Length <= lookback)
            {
                throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData,
                    string.Create(CultureInfo.InvariantCulture, $"{indicator.Name} with {parameters} needs at least {lookback + 1} {tf.Name()} bars of {spec.Name}; there are {bars.Length}."),
                    Retryable: false, "timeframe"));
            }

            var values = new IndicatorBars(bars).Run(indicator, parameters, first, second);
            var start = Math.Max(0, bars.Length - rows);
            var output = new IndicatorRow[bars.Length - start];
            for (var i = start; i < bars.Length; i++)
            {
                var row = new double?[values.Length];
                for (var k = 0; k < values.Length; k++)
                {
                    row[k] = double.IsFinite(values[k][i]) ? values[k][i] : null;
                }

                output[i - start] = new IndicatorRow(Args.FormatSeconds(bars[i].Time), row);
            }

            return new IndicatorValues(indicator.Name, spec.Name, tf.Name(), MarketTools.SourceName(dataSource), parameters.ToString(),
                [.. indicator.Info.Outputs.Select(o => o.Name)], bars.Length, output.Length, output);
        }, ServerJsonContext.Default.IndicatorValues);

    [McpServerTool(Name = "detect_patterns", Title = "Detect candlestick patterns", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PatternScan))]
    [Description("Scans a symbol's most recent bars for the TA-Lib candlestick patterns (engulfing, hammer, doji, morning star and the rest) and lists each hit: "
        + "bar time, pattern, signal (+100 bullish, −100 bearish, ±200 confirmed) and direction, newest first. The bar at 'now' may still be forming.")]
    public CallToolResult DetectPatterns(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("Timeframe: M1 … MN1, e.g. H4.")] string timeframe,
        [Description("Number of most recent bars to scan, 1 to 500 (default 20).")] int? count = null,
        [Description("Only these patterns, by indicator name (e.g. [\"cdlengulfing\", \"cdlhammer\"]); default all.")] string[]? patterns = null) =>
        runner.Run("detect_patterns", () =>
        {
            var spec = Args.Symbol(settings.Catalog, symbol);
            var tf = Args.Timeframe(timeframe);
            var scan = Args.Count(count, 20, 1, MaxPatternBars, "count");
            var chosen = new List<Indicator>();
            foreach (var indicator in IndicatorRegistry.All)
            {
                if (indicator.Info.Group == IndicatorGroup.PatternRecognition
                    && (patterns is null || patterns.Contains(indicator.Name, StringComparer.OrdinalIgnoreCase)))
                {
                    chosen.Add(indicator);
                }
            }

            if (patterns is not null && chosen.Count != patterns.Distinct(StringComparer.OrdinalIgnoreCase).Count())
            {
                var unknown = patterns.Where(p => !chosen.Any(c => c.Name.Equals(p, StringComparison.OrdinalIgnoreCase))).Select(p => UntrustedText.Clean(p, 32));
                throw ToolErrorException.InvalidArgument("patterns",
                    $"Not candlestick patterns: {string.Join(", ", unknown)}. list_indicators with group PatternRecognition lists them.");
            }

            var lookback = chosen.Count == 0 ? 0 : chosen.Max(i => i.LookbackOf(IndicatorParameters.Defaults(i.Info)));
            var (bars, dataSource) = history.GetBars(spec, tf, null, null, scan + lookback + 20);
            var first = Math.Max(0, bars.Length - scan);
            var hits = new IndicatorBars(bars).PatternHits(chosen, first);
            return new PatternScan(spec.Name, tf.Name(), MarketTools.SourceName(dataSource), bars.Length - first, hits.Count, hits);
        }, ServerJsonContext.Default.PatternScan);


    [McpServerTool(Name = "correlation_matrix", Title = "Correlation matrix", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(CorrelationAnswer))]
    [Description("Pearson correlations of the log returns of the last 'periods' H1 or D1 bars of 2 to 20 symbols (their common most recent part), "
        + "row-major in the order of 'symbols'; null where undefined (a constant series).")]
    public CallToolResult CorrelationMatrix(
        [Description("2 to 20 symbol names, e.g. [\"EURUSD\", \"GBPUSD\", \"XAUUSD\"].")] string[] symbols,
        [Description("Timeframe of the bar returns: H1 (default) or D1.")] string? timeframe = null,
        [Description("Number of returns per symbol, 20 to 1000, default 250.")] int? periods = null) =>
        runner.Run("correlation_matrix", () =>
        {
            if (symbols is null || symbols.Length is < 2 or > 20)
            {
                throw ToolErrorException.InvalidArgument("symbols", "Give 2 to 20 symbols.");
            }

            var names = symbols.Select(s => Args.Symbol(settings.Catalog, s, "symbols").Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var tf = ReturnSeries.ParseTimeframe(timeframe);
            var n = Args.Count(periods, 250, 20, 1000, "periods");
            var table = ReturnSeries.Table(settings.Catalog, history, names, tf, n);
            var series = new List<ReadOnlyMemory<double>>(names.Count);
            foreach (var name in names)
            {
                series.Add(table.TryGetReturns(name, out var returns) ? returns
                    : throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"There are too few {tf} bars of {name} for returns.", Retryable: false, "symbols")));
            }

            var observations = series.Min(r => r.Length);
            return new CorrelationAnswer(tf.ToString(), observations, names, ReturnSeries.Matrix(Risk.PortfolioRisk.CorrelationMatrix(series), names.Count));
        }, ServerJsonContext.Default.CorrelationAnswer);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(Dictionary<string, JsonElement>? values)
    {
        if (values is null)
        {
            yield break;
        }

        foreach (var (key, value) in values)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString()!,
                _ => throw ToolErrorException.InvalidArgument("params",
                    $"params.{UntrustedText.Clean(key, 32)} must be a number (or an MA type name such as \"ema\"), not {value.ValueKind.ToString().ToLowerInvariant()}."),
            };
            yield return KeyValuePair.Create(key, text);
        }
    }

    private static string ArgumentOf(string? parameter) => parameter switch
    {
        null or "name" => "name",
        "source" => "source",
        _ => "params",
    };

    private static IndicatorSummary Summary(Indicator indicator)
    {
        var info = indicator.Info;
        return new IndicatorSummary(
            info.Name, info.Title, info.Group.ToString(), info.IsTaLib,
            [.. info.Inputs.Select(i => i.ToString().ToLowerInvariant())],
            [.. info.Parameters.Select(p => new IndicatorParameterInfo(p.Name, p.Kind.ToString().ToLowerInvariant(), p.Default, p.Min, p.Max, p.Description, p.Aliases))],
            [.. info.Outputs.Select(o => new IndicatorOutputInfo(o.Name, o.Description, o.IsInteger))],
            indicator.LookbackOf(IndicatorParameters.Defaults(info)));
    }
}
