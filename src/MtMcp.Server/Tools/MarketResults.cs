namespace MtMcp.Server.Tools;

// The JSON shapes of the market tools (snake_case on the wire). Times are ISO-8601 UTC strings.

/// <summary>One line of <c>list_symbols</c>.</summary>
internal sealed record SymbolSummary(
    string Name, string Description, string Path, string AssetClass, string CurrencyBase, string CurrencyProfit,
    int Digits, double ContractSize, int SpreadPoints, string TradeMode);

/// <summary>The answer of <c>list_symbols</c>.</summary>
internal sealed record SymbolList(int Count, IReadOnlyList<SymbolSummary> Symbols);

/// <summary>A session as JSON: weekday and <c>HH:mm</c> bounds, UTC.</summary>
internal sealed record SessionInfo(string Day, string From, string To);

/// <summary>The answer of <c>get_symbol</c>: every MT5 property of the specification.</summary>
internal sealed record SymbolDetails(
    string Name, string Description, string Path, string CurrencyBase, string CurrencyProfit, string CurrencyMargin,
    string AssetClass, int EsmaMaxLeverage, int Digits, double Point, double TickSize, double TickPrice, double PipSize,
    int SpreadPoints, bool SpreadFloat, double ContractSize, string CalcMode,
    decimal VolumeMin, decimal VolumeMax, decimal VolumeStep, decimal VolumeLimit,
    string TradeMode, string ExecutionMode, string FillingModes, string ExpirationModes, string OrderModes,
    int StopsLevel, int FreezeLevel, double MarginInitial, double MarginMaintenance, double MarginHedged,
    string SwapMode, double SwapLong, double SwapShort, string SwapRollover3Days,
    IReadOnlyList<SessionInfo> QuoteSessions, IReadOnlyList<SessionInfo> TradeSessions);

/// <summary>One quote of <c>get_quote</c>.</summary>
internal sealed record QuoteInfo(
    string Symbol, double Bid, double Ask, double Mid, int SpreadPoints, int Digits, string Time, long TimeMs, bool MarketOpen);

/// <summary>The answer of <c>get_quote</c>.</summary>
internal sealed record QuoteList(string Source, IReadOnlyList<QuoteInfo> Quotes);

/// <summary>One bar (MqlRates): open time, prices, tick volume, spread in points, real volume.</summary>
internal sealed record BarInfo(string Time, double Open, double High, double Low, double Close, long TickVolume, int Spread, long RealVolume);

/// <summary>The answer of <c>get_bars</c>.</summary>
internal sealed record BarsPage(
    string Symbol, string Timeframe, string Source, int Count, IReadOnlyList<BarInfo> Bars, string? NextFrom, string? EarlierTo);

/// <summary>One tick (MqlTick).</summary>
internal sealed record TickInfo(string Time, long TimeMs, double Bid, double Ask, double Last, double Volume, string Flags);

/// <summary>The answer of <c>get_ticks</c>.</summary>
internal sealed record TicksPage(string Symbol, string Source, int Count, IReadOnlyList<TickInfo> Ticks, string? NextFrom);

/// <summary>One price level of a book.</summary>
internal sealed record DepthLevel(double Price, decimal VolumeLots);

/// <summary>The answer of <c>get_market_depth</c>.</summary>
internal sealed record MarketDepth(string Symbol, bool Synthetic, string Note, string Time, IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks);

/// <summary>The answer of <c>get_market_hours</c>.</summary>
internal sealed record MarketHours(
    string Symbol, string Time, bool QuotedNow, bool TradableNow, bool AlwaysOpen, string? NextOpen, string? NextClose,
    IReadOnlyList<SessionInfo> QuoteSessions, IReadOnlyList<SessionInfo> TradeSessions);
