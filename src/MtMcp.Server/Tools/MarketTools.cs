using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>The <c>market</c> toolset: the symbol catalogue, live demo quotes, bars, ticks, depth and hours.</summary>
/// <remarks>Argument names are snake_case because they are the tools' public JSON schema.</remarks>
[McpServerToolType]
internal sealed class MarketTools(
    ServerSettings settings, MarketHistory history, LiveQuotes quotes, AccountDirectory accounts, BrokerSymbols brokerSymbols, TimeProvider time, ToolRunner runner)
{
    /// <summary>Most quotes per <c>get_quote</c> call.</summary>
    public const int MaxQuotes = 100;

    /// <summary>Most bars per <c>get_bars</c> page.</summary>
    public const int MaxBars = 5000;

    /// <summary>Most ticks per <c>get_ticks</c> page.</summary>
    public const int MaxTicks = 10_000;

    private const int DepthLevels = 5;

    private readonly SymbolCatalog _catalog = settings.Catalog;

    [McpServerTool(Name = "list_symbols", Title = "List symbols", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(SymbolList))]
    [Description("Lists the tradable symbols with their group, currencies, digits, contract size and typical spread. Filters combine (all must match); with none, every symbol is listed.")]
    public CallToolResult ListSymbols(
        [Description("Text to find in the symbol name or description, case-insensitive (e.g. 'USD', 'gold').")] string? filter = null,
        [Description("Group path or a segment of it, case-insensitive (e.g. 'Forex', 'Forex\\Majors', 'Indices', 'Crypto').")] string? group = null,
        [Description("ESMA asset class: MajorCurrencyPair, NonMajorCurrencyPair, Gold, MajorIndex, MinorIndex, Commodity, Equity or Crypto.")] string? asset_class = null) =>
        runner.Run("list_symbols", () =>
        {
            var assetClass = Args.AssetClass(asset_class);
            var rows = new List<SymbolSummary>();
            foreach (var spec in _catalog)
            {
                if ((filter is null || spec.Name.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase) || spec.Description.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase))
                    && (group is null || InGroup(spec.Path, group.Trim()))
                    && (assetClass is null || spec.AssetClass == assetClass))
                {
                    rows.Add(new SymbolSummary(spec.Name, UntrustedText.Clean(spec.Description), UntrustedText.Clean(spec.Path), spec.AssetClass.ToString(),
                        spec.CurrencyBase, spec.CurrencyProfit, spec.Digits, spec.ContractSize, spec.Spread, spec.TradeMode.ToString()));
                }
            }

            return new SymbolList(rows.Count, rows);
        }, ServerJsonContext.Default.SymbolList);

    [McpServerTool(Name = "get_symbol", Title = "Symbol specification", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(SymbolDetails))]
    [Description("Returns the full MetaTrader 5 specification of a symbol: digits, point, tick size, contract size, volume limits and step, stops and freeze levels, margin and swap settings, trade and execution modes, and the quote and trade sessions (UTC).")]
    public CallToolResult GetSymbol(
        [Description("Symbol name, e.g. EURUSD (case-insensitive).")] string symbol) =>
        runner.Run("get_symbol", () => Details(Args.Symbol(_catalog, symbol)), ServerJsonContext.Default.SymbolDetails);

    [McpServerTool(Name = "get_quote", Title = "Current quotes", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(QuoteList))]
    [Description("Returns the latest bid and ask of one or more symbols on the live demo market, with the spread in points, the quote time and whether the market is open now. "
        + "A shut market shows its last quote, as MetaTrader does. With 'account' naming a broker account (list_accounts: a MetaTrader terminal on the bridge or "
        + "a MetaApi account), the quotes come from that account's broker instead.")]
    public ValueTask<CallToolResult> GetQuote(
        [Description("Symbol names, 1 to 100, e.g. [\"EURUSD\", \"XAUUSD\"].")] string[] symbols,
        [Description("A broker account (mt5-<login>, or the MetaApi account's name) whose broker's quotes to return; default the demo market.")] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_quote", async () =>
        {
            if (symbols is null || symbols.Length == 0)
            {
                throw ToolErrorException.InvalidArgument("symbols", "symbols is required: a list of 1 to 100 symbol names such as [\"EURUSD\"].");
            }

            Args.Count(symbols.Length, 1, 1, MaxQuotes, "symbols");
            var now = time.GetUtcNow();
            if (account is not null)
            {
                if (!accounts.TryGetBroker(account, out var gateway))
                {
                    throw new ToolErrorException(new ToolError(ToolErrorCodes.UnknownAccount,
                        $"There is no broker account '{UntrustedText.Clean(account, 32)}' (list_accounts names them: mt5-<login> for terminals on the bridge, metaapi-… or the configured name for MetaApi).", Retryable: false, "account"));
                }

                // The broker's own symbols (EURUSD.m), formatted with its digits.
                var quoted = new List<QuoteInfo>(symbols.Length);
                foreach (var name in symbols)
                {
                    var spec = await BrokerAccountViews.SymbolAsync(gateway, brokerSymbols, name, "symbols", cancellationToken).ConfigureAwait(false);
                    quoted.Add(Quote(spec, await BrokerAccountViews.Read(gateway, g => g.GetQuoteAsync(spec.Name, cancellationToken)).ConfigureAwait(false), now));
                }

                return new QuoteList(gateway.Venue + ":" + gateway.Name, quoted);
            }

            var specs = symbols.Select(s => Args.Symbol(_catalog, s, "symbols")).ToList();
            var rows = new List<QuoteInfo>(specs.Count);

            foreach (var spec in specs)
            {
                var tick = await quotes.GetAsync(spec.Name, cancellationToken).ConfigureAwait(false)
                    ?? throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"{spec.Name} has no quote yet on the demo market.", Retryable: true, "symbols"));
                rows.Add(Quote(spec, tick, now));
            }

            return new QuoteList("demo", rows);
        }, ServerJsonContext.Default.QuoteList);

    [McpServerTool(Name = "get_bars", Title = "Price bars", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(BarsPage))]
    [Description("Returns OHLC bars (bid prices, MetaTrader rules: bars keyed by open time in UTC, spread in points, tick volume). "
        + "Either the last 'count' bars up to 'to' (default now), or every bar with an open time in [from, to] a page at a time: when more remain, "
        + "'next_from' is the 'from' of the next page; in count mode 'earlier_to' is the 'to' that continues further back. "
        + "Data comes from imported history when the server has it for the symbol, else from the demo market; 'source' says which.")]
    public CallToolResult GetBars(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("Timeframe: M1, M2, M3, M4, M5, M6, M10, M12, M15, M20, M30, H1, H2, H3, H4, H6, H8, H12, D1, W1 or MN1.")] string timeframe,
        [Description("Number of most recent bars, 1 to 5000 (default 100 when 'from' is not given).")] int? count = null,
        [Description("Start of the range, ISO-8601 UTC (e.g. 2026-03-02T00:00:00Z) or a date; switches to range mode.")] string? from = null,
        [Description("End of the range (inclusive), ISO-8601 UTC or a date; default now.")] string? to = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default) =>
        runner.Run("get_bars", () =>
        {
            var spec = Args.Symbol(_catalog, symbol);
            var tf = Args.Timeframe(timeframe);
            var start = Args.Time(from, "from");
            var end = Args.Time(to, "to");
            Args.Ordered(start, end);
            if (start is not null && count is not null)
            {
                throw ToolErrorException.InvalidArgument("count", "Give either count (the last N bars) or from (a range), not both.");
            }

            if (start is null)
            {
                var n = Args.Count(count, 100, 1, MaxBars, "count");
                // One bar more tells whether earlier bars exist.
                var report = new PageProgress(progress, n, "bars", cancellationToken);
                var (bars, source) = history.GetBars(spec, tf, null, end, n + 1);
                var more = bars.Length > n;
                var page = more ? bars[1..] : bars;
                return Page(spec, tf, source, page, nextFrom: null, earlierTo: more && page.Length > 0 ? Args.FormatSeconds(page[0].Time - 1) : null, report);
            }
            else
            {
                var report = new PageProgress(progress, MaxBars, "bars", cancellationToken);
                var (bars, source) = history.GetBars(spec, tf, start, end, null);
                var more = bars.Length > MaxBars;
                var page = more ? bars[..MaxBars] : bars;
                return Page(spec, tf, source, page, nextFrom: more ? Args.FormatSeconds(bars[MaxBars].Time) : null, earlierTo: null, report);
            }
        }, ServerJsonContext.Default.BarsPage);

    [McpServerTool(Name = "get_ticks", Title = "Ticks", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TicksPage))]
    [Description("Returns ticks (bid, ask, last, volume, flags; millisecond UTC times): the last 'count' up to 'to' (default now), or those in [from, to] a page at a time "
        + "('next_from' continues). Imported ticks when the server has them for the symbol; otherwise the demo market's ticks, generated at most six hours back from 'to'.")]
    public CallToolResult GetTicks(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("Number of most recent ticks, 1 to 10000 (default 100 when 'from' is not given).")] int? count = null,
        [Description("Start of the range, ISO-8601 UTC with optional milliseconds (e.g. 2026-03-02T13:00:00.250Z); switches to range mode.")] string? from = null,
        [Description("End of the range (inclusive), ISO-8601 UTC; default now.")] string? to = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default) =>
        runner.Run("get_ticks", () =>
        {
            var spec = Args.Symbol(_catalog, symbol);
            var start = Args.Time(from, "from");
            var end = Args.Time(to, "to");
            Args.Ordered(start, end);
            if (start is not null && count is not null)
            {
                throw ToolErrorException.InvalidArgument("count", "Give either count (the last N ticks) or from (a range), not both.");
            }

            if (start is not null && (end ?? time.GetUtcNow()) - start > TimeSpan.FromHours(6))
            {
                throw new ToolErrorException(new ToolError(ToolErrorCodes.TooLarge,
                    "A tick range may span at most 6 hours; ask for shorter ranges one after another.", Retryable: false, "from"));
            }

            var n = start is null ? Args.Count(count, 100, 1, MaxTicks, "count") : (int?)null;
            var report = new PageProgress(progress, n ?? MaxTicks, "ticks", cancellationToken);
            var (ticks, source) = history.GetTicks(spec, start, end, n);
            var more = n is null && ticks.Length > MaxTicks;
            var page = more ? ticks[..MaxTicks] : ticks;
            var rows = new TickInfo[page.Length];
            report.Loaded(page.Length);
            for (var i = 0; i < page.Length; i++)
            {
                report.Row(i);
                var t = page[i];
                rows[i] = new TickInfo(Args.FormatMilliseconds(t.TimeMs), t.TimeMs, t.Bid, t.Ask, t.Last, t.Volume, t.Flags.ToString());
            }

            return new TicksPage(spec.Name, SourceName(source), rows.Length, rows, more ? Args.FormatMilliseconds(ticks[MaxTicks].TimeMs) : null);
        }, ServerJsonContext.Default.TicksPage);

    [McpServerTool(Name = "get_market_depth", Title = "Market depth", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(MarketDepth))]
    [Description("Returns the order book of a symbol. The paper venue has no real book: it answers with a synthetic book built from the current quote "
        + "(five levels a spread apart each side, growing volumes) and says so ('synthetic': true). Do not read liquidity from it.")]
    public ValueTask<CallToolResult> GetMarketDepth(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        CancellationToken cancellationToken) =>
        runner.RunAsync("get_market_depth", async () =>
        {
            var spec = Args.Symbol(_catalog, symbol);
            var tick = await quotes.GetAsync(spec.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"{spec.Name} has no quote yet on the demo market.", Retryable: true, "symbol"));
            var step = Math.Max(spec.ToTicks(tick.Ask) - spec.ToTicks(tick.Bid), 1) * spec.TickSize;
            var bids = new DepthLevel[DepthLevels];
            var asks = new DepthLevel[DepthLevels];
            for (var i = 0; i < DepthLevels; i++)
            {
                var volume = Math.Min(spec.VolumeMax, spec.FloorVolume(spec.VolumeMin * 10 * (i + 1)));
                bids[i] = new DepthLevel(spec.NormalizePrice(tick.Bid - (i * step)), volume);
                asks[i] = new DepthLevel(spec.NormalizePrice(tick.Ask + (i * step)), volume);
            }

            return new MarketDepth(spec.Name, Synthetic: true,
                "Synthetic book for the paper venue, built from the quote; orders fill at the quote, never against these levels.",
                Args.FormatMilliseconds(tick.TimeMs), bids, asks);
        }, ServerJsonContext.Default.MarketDepth);

    [McpServerTool(Name = "get_market_hours", Title = "Market hours", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(MarketHours))]
    [Description("Returns a symbol's quote and trade sessions (UTC), whether it is quoted and tradable now, and when trading next opens or closes.")]
    public CallToolResult GetMarketHours(
        [Description("Symbol name, e.g. US500.")] string symbol) =>
        runner.Run("get_market_hours", () =>
        {
            var spec = Args.Symbol(_catalog, symbol);
            var now = time.GetUtcNow();
            var tradable = spec.IsTradable(now);
            var alwaysOpen = spec.TradeSessions.Count == 0;
            var change = alwaysOpen ? null : NextChange(spec, now, tradable);
            return new MarketHours(spec.Name, Args.Format(now), spec.IsQuoted(now), tradable, alwaysOpen,
                NextOpen: tradable || change is null ? null : Args.Format(change.Value),
                NextClose: !tradable || change is null ? null : Args.Format(change.Value),
                Sessions(spec.QuoteSessions), Sessions(spec.TradeSessions));
        }, ServerJsonContext.Default.MarketHours);

    internal static QuoteInfo Quote(SymbolSpec spec, Tick tick, DateTimeOffset now) =>
        new(spec.Name, tick.Bid, tick.Ask, Math.Round((tick.Bid + tick.Ask) / 2, spec.Digits + 1),
            (int)Math.Round((tick.Ask - tick.Bid) / spec.Point), spec.Digits, Args.FormatMilliseconds(tick.TimeMs), tick.TimeMs, spec.IsQuoted(now));

    internal static SymbolDetails Details(SymbolSpec s) => new(
        s.Name, UntrustedText.Clean(s.Description), UntrustedText.Clean(s.Path), s.CurrencyBase, s.CurrencyProfit, s.CurrencyMargin,
        s.AssetClass.ToString(), s.AssetClass.MaxRetailLeverage(), s.Digits, s.Point, s.TickSize, s.TickPrice, s.PipSize,
        s.Spread, s.SpreadFloat, s.ContractSize, s.CalcMode.ToString(),
        s.VolumeMin, s.VolumeMax, s.VolumeStep, s.VolumeLimit,
        s.TradeMode.ToString(), s.ExecutionMode.ToString(), s.FillingFlags.ToString(), s.ExpirationFlags.ToString(), s.OrderFlags.ToString(),
        s.StopsLevel, s.FreezeLevel, s.MarginInitial, s.MarginMaintenance, s.MarginHedged,
        s.SwapMode.ToString(), s.SwapLong, s.SwapShort, s.SwapRollover3Days.ToString(),
        Sessions(s.QuoteSessions), Sessions(s.TradeSessions));

    internal static string SourceName(HistorySource source) => source switch
    {
        HistorySource.Imported => "imported",
        HistorySource.DemoStore => "demo_store",
        _ => "demo",
    };

    private static BarsPage Page(SymbolSpec spec, Timeframe timeframe, HistorySource source, ReadOnlySpan<Bar> bars, string? nextFrom, string? earlierTo, PageProgress report)
    {
        var rows = new BarInfo[bars.Length];
        report.Loaded(bars.Length);
        for (var i = 0; i < bars.Length; i++)
        {
            report.Row(i);
            var b = bars[i];
            rows[i] = new BarInfo(Args.FormatSeconds(b.Time), b.Open, b.High, b.Low, b.Close, b.TickVolume, b.Spread, b.RealVolume);
        }

        return new BarsPage(spec.Name, timeframe.Name(), SourceName(source), rows.Length, rows, nextFrom, earlierTo);
    }

    /// <summary>Whether the group path <paramref name="path"/> starts with <paramref name="group"/> or has it as a segment.</summary>
    internal static bool InGroup(string path, string group)
    {
        if (path.StartsWith(group, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var segment in path.Split('\\', '/'))
        {
            if (segment.Equals(group, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The next minute at which trading opens (when shut) or closes (when open), within a week and a day.
    private static DateTimeOffset? NextChange(SymbolSpec spec, DateTimeOffset now, bool tradable)
    {
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        for (var i = 1; i <= 8 * 1440; i++)
        {
            var t = minute.AddMinutes(i);
            if (spec.IsTradable(t) != tradable)
            {
                return t;
            }
        }

        return null;
    }

    private static SessionInfo[] Sessions(IReadOnlyList<TradingSession> sessions)
    {
        var rows = new SessionInfo[sessions.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var s = sessions[i];
            rows[i] = new SessionInfo(s.Day.ToString(), Clock(s.FromMinute), Clock(s.ToMinute));
        }

        return rows;
    }

    private static string Clock(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
