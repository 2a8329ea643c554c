using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Server.Analysis;
using MtMcp.Server.Market;
using MtMcp.Strategies;

namespace MtMcp.Server.Tools;

/// <summary>The <c>analysis</c> toolset's market-wide tools: <c>analyze_market</c> and <c>scan_market</c>.</summary>
[McpServerToolType]
internal sealed class MarketAnalysisTools(ServerSettings settings, MarketHistory history, TimeProvider time, ToolRunner runner)
{
    /// <summary>Most symbols one <c>scan_market</c> call evaluates.</summary>
    public const int MaxScanSymbols = 50;

    /// <summary>Most bars per symbol <c>scan_market</c> loads: with <see cref="MaxScanSymbols"/> it bounds one call's work.</summary>
    public const int MaxLookback = 1000;

    /// <summary>Most timeframes <c>analyze_market</c> takes.</summary>
    public const int MaxTimeframes = 6;

    private static readonly string[] s_defaultTimeframes = ["M15", "H1", "D1"];

    [McpServerTool(Name = "analyze_market", Title = "Analyze a market", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(MarketAnalysis))]
    [Description("Multi-timeframe summary of a symbol, as of each timeframe's newest bar (which may still be forming): trend (SMA 50/200 and the SMA 50 slope, "
        + "ADX 14 strength, Supertrend 10/3 side), momentum (RSI 14, MACD 12/26/9 histogram and cross, stochastic 14/3/3), volatility (ATR 14 and its % of price, "
        + "Bollinger 20/2 width and its percentile over 100 bars), key levels (classic pivots of the previous UTC day, nearest swing support/resistance, "
        + "Donchian 20) and candlestick patterns on the last 3 bars. Labels: direction uptrend|downtrend|sideways|unknown, strength strong|moderate|weak, "
        + "bias bullish|bearish|mixed|unknown, states overbought|oversold|neutral, regime high|normal|low; null where the bars are too few.")]
    public CallToolResult AnalyzeMarket(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("Timeframes to analyse, 1 to 6 of M1 … MN1 (default [\"M15\", \"H1\", \"D1\"]).")] string[]? timeframes = null) =>
        runner.Run("analyze_market", () =>
        {
            var spec = Args.Symbol(settings.Catalog, symbol);
            var wanted = timeframes is null || timeframes.Length == 0 ? s_defaultTimeframes : timeframes;
            if (wanted.Length > MaxTimeframes)
            {
                throw ToolErrorException.InvalidArgument("timeframes",
                    string.Create(CultureInfo.InvariantCulture, $"Give at most {MaxTimeframes} timeframes, not {wanted.Length}."));
            }

            var chosen = new List<Timeframe>(wanted.Length);
            foreach (var text in wanted)
            {
                var tf = Args.Timeframe(text, "timeframes");
                if (!chosen.Contains(tf))
                {
                    chosen.Add(tf);
                }
            }

            var views = new List<TimeframeAnalysis>(chosen.Count);
            foreach (var tf in chosen)
            {
                var (bars, source) = history.GetBars(spec, tf, null, null, MarketAnalyzer.BarsWanted);
                if (bars.Length == 0)
                {
                    throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"There are no {tf.Name()} bars of {spec.Name}.", Retryable: false, "timeframes"));
                }

                views.Add(MarketAnalyzer.Analyze(bars, tf, MarketTools.SourceName(source)));
            }

            return new MarketAnalysis(spec.Name, views);
        }, ServerJsonContext.Default.MarketAnalysis);
    [McpServerTool(Name = "scan_market", Title = "Scan the market", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(MarketScan))]
    [Description("Evaluates a strategy-language condition (as a strategy rule, e.g. \"rsi(close, 14) < 30 and close > sma(close, 200)\"; "
        + "the language is in mt://docs/strategy-language) on the latest closed bar of each symbol and lists those where it holds, with the value "
        + "of every series the condition reads. Symbols: the list given, else those matching group/asset_class, at most 50 per call. "
        + "A symbol whose indicators are still warming up over 'lookback' bars is listed under skipped. A bad condition is INVALID_ARGUMENT "
        + "with line:column and a hint.")]
    public CallToolResult ScanMarket(
        [Description("The condition, in the strategy language (a comparison, crossover, and/or/not …).")] string condition,
        [Description("Symbols to scan (1 to 50); or use group/asset_class instead.")] string[]? symbols = null,
        [Description("Group path or a segment of it, e.g. 'Forex' or 'Forex\\Majors' (when symbols is not given).")] string? group = null,
        [Description("ESMA asset class, e.g. MajorCurrencyPair, Gold, MajorIndex, Crypto (when symbols is not given).")] string? asset_class = null,
        [Description("Timeframe of the bars, M1 … MN1 (default H1).")] string? timeframe = null,
        [Description("Closed bars loaded per symbol for indicator warm-up, 10 to 1000 (default 300).")] int? lookback = null) =>
        runner.Run("scan_market", () =>
        {
            var tf = timeframe is null ? Timeframe.H1 : Args.Timeframe(timeframe);
            var bars = Args.Count(lookback, 300, 10, MaxLookback, "lookback");
            Compile(condition, tf);
            var specs = ScanSymbols(symbols, group, asset_class);
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var matches = new List<ScanMatch>();
            var skipped = new List<ScanSkip>();
            foreach (var spec in specs)
            {
                // One more than wanted: the newest bar may still be forming and is then dropped.
                var (data, _) = history.GetBars(spec, tf, null, null, bars + 1);
                var count = data.Length > 0 && tf.NextBarOpenTime(data[^1].Time) > now ? data.Length - 1 : data.Length;
                if (count == 0)
                {
                    skipped.Add(new ScanSkip(spec.Name, "no closed bars"));
                    continue;
                }

                var evaluator = Compile(condition, tf);
                for (var i = Math.Max(0, count - bars); i < count; i++)
                {
                    evaluator.Add(data[i]);
                }

                if (!evaluator.IsReady)
                {
                    skipped.Add(new ScanSkip(spec.Name, string.Create(CultureInfo.InvariantCulture,
                        $"indicators still warming up after {evaluator.Count} bars; raise lookback")));
                }
                else if (evaluator.IsTrue)
                {
                    var values = new List<SeriesValue>(evaluator.Series.Count);
                    for (var k = 0; k < evaluator.Series.Count; k++)
                    {
                        var value = evaluator.Value(k);
                        values.Add(new SeriesValue(evaluator.Series[k], double.IsFinite(value) ? value : null));
                    }

                    matches.Add(new ScanMatch(spec.Name, Args.FormatSeconds(data[count - 1].Time), data[count - 1].Close, values));
                }
            }

            return new MarketScan(condition, tf.Name(), specs.Count, matches.Count, matches, skipped);
        }, ServerJsonContext.Default.MarketScan);

    /// <summary>Compiles <paramref name="condition"/>; a bad one is INVALID_ARGUMENT naming its line, column and a hint.</summary>
    internal static MarketCondition Compile(string? condition, Timeframe timeframe, string argument = "condition")
    {
        try
        {
            return MarketCondition.Compile(condition ?? string.Empty, timeframe);
        }
        catch (StrategyException error)
        {
            var first = error.Diagnostics.Count > 0 ? error.Diagnostics[0].ToString() : error.Message;
            throw ToolErrorException.InvalidArgument(argument, $"{argument} is not a valid strategy-language condition: {UntrustedText.Clean(first, 600)}");
        }
    }

    private List<SymbolSpec> ScanSymbols(string[]? symbols, string? group, string? assetClassText)
    {
        if (symbols is { Length: > 0 })
        {
            if (group is not null || assetClassText is not null)
            {
                throw ToolErrorException.InvalidArgument("symbols", "Give either symbols or group/asset_class, not both.");
            }

            if (symbols.Length > MaxScanSymbols)
            {
                throw new ToolErrorException(new ToolError(ToolErrorCodes.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"scan_market takes at most {MaxScanSymbols} symbols per call, not {symbols.Length}; split the list."),
                    Retryable: false, "symbols"));
            }

            var listed = new List<SymbolSpec>(symbols.Length);
            foreach (var name in symbols)
            {
                var spec = Args.Symbol(settings.Catalog, name, "symbols");
                if (!listed.Contains(spec))
                {
                    listed.Add(spec);
                }
            }

            return listed;
        }

        var assetClass = Args.AssetClass(assetClassText);
        var found = new List<SymbolSpec>();
        foreach (var spec in settings.Catalog)
        {
            if ((group is null || MarketTools.InGroup(spec.Path, group.Trim())) && (assetClass is null || spec.AssetClass == assetClass))
            {
                found.Add(spec);
            }
        }

        if (found.Count == 0)
        {
            throw ToolErrorException.InvalidArgument(group is null && assetClass is null ? "symbols" : group is null ? "asset_class" : "group",
                "No symbol matches; list_symbols shows the groups and asset classes.");
        }

        if (found.Count > MaxScanSymbols)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"{found.Count} symbols match; scan_market takes at most {MaxScanSymbols} per call: narrow group/asset_class or list symbols."),
                Retryable: false, group is null ? "asset_class" : "group"));
        }

        return found;
    }
}
