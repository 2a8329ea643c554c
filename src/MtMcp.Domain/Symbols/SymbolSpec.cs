namespace MtMcp.Domain;

/// <summary>
/// The specification of one tradable symbol, field for field as MetaTrader 5 publishes it
/// (SYMBOL_* properties). Immutable; use <c>with</c> to derive a variant.
/// </summary>
public sealed partial record SymbolSpec
{
    // ---- Identity -------------------------------------------------------------------------

    /// <summary>Symbol name as the venue spells it (<c>EURUSD</c>, <c>GER40</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Human-readable description (SYMBOL_DESCRIPTION).</summary>
    public string Description { get; init; } = "";

    /// <summary>Group path in the symbol tree (SYMBOL_PATH), e.g. <c>Forex\Majors</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Base currency (SYMBOL_CURRENCY_BASE).</summary>
    public required string CurrencyBase { get; init; }

    /// <summary>Profit currency (SYMBOL_CURRENCY_PROFIT): the currency price differences are paid in.</summary>
    public required string CurrencyProfit { get; init; }

    /// <summary>Margin currency (SYMBOL_CURRENCY_MARGIN).</summary>
    public required string CurrencyMargin { get; init; }

    /// <summary>The ESMA category that caps retail leverage on this symbol.</summary>
    public required EsmaAssetClass AssetClass { get; init; }

    /// <summary>Exchange or venue name (SYMBOL_EXCHANGE); empty for OTC CFDs.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>ISIN (SYMBOL_ISIN); empty when none.</summary>
    public string Isin { get; init; } = "";

    // ---- Price format ---------------------------------------------------------------------

    /// <summary>Decimal places of the price (SYMBOL_DIGITS), 0..8.</summary>
    public required int Digits { get; init; }

    /// <summary>One point (SYMBOL_POINT) = 10^-Digits.</summary>
    public double Point => PowersOfTen.Negative(Digits);

    /// <summary>Minimal price change (SYMBOL_TRADE_TICK_SIZE); defaults to one point.</summary>
    public double TickSize
    {
        get => _tickSize ?? Point;
        init => _tickSize = value;
    }

    /// <summary>
    /// Value of one tick for one lot in the profit currency, used by the futures calc modes
    /// (the "TickPrice" of the MT5 formulas). For forex and CFD modes it is derived from
    /// TickSize × ContractSize and this field is ignored.
    /// </summary>
    public double TickPrice { get; init; }

    /// <summary>Typical spread in points (SYMBOL_SPREAD).</summary>
    public int Spread { get; init; }

    /// <summary>Whether the spread floats (SYMBOL_SPREAD_FLOAT).</summary>
    public bool SpreadFloat { get; init; } = true;

    /// <summary>Price that builds bars (SYMBOL_CHART_MODE).</summary>
    public ChartMode ChartMode { get; init; } = ChartMode.Bid;

    // ---- Contract -------------------------------------------------------------------------

    /// <summary>Units of the underlying in one lot (SYMBOL_TRADE_CONTRACT_SIZE).</summary>
    public required double ContractSize { get; init; }

    /// <summary>How margin and profit are computed (SYMBOL_TRADE_CALC_MODE).</summary>
    public required SymbolCalcMode CalcMode { get; init; }

    /// <summary>Face value for bonds (SYMBOL_TRADE_FACE_VALUE).</summary>
    public double FaceValue { get; init; }

    /// <summary>Accrued interest per bond (SYMBOL_TRADE_ACCRUED_INTEREST).</summary>
    public double AccruedInterest { get; init; }

    /// <summary>Share of a collateral's value counted as assets (SYMBOL_TRADE_LIQUIDITY_RATE).</summary>
    public double LiquidityRate { get; init; }

    // ---- Volume ---------------------------------------------------------------------------

    /// <summary>Smallest order volume in lots (SYMBOL_VOLUME_MIN).</summary>
    public required decimal VolumeMin { get; init; }

    /// <summary>Largest order volume in lots (SYMBOL_VOLUME_MAX).</summary>
    public required decimal VolumeMax { get; init; }

    /// <summary>Volume increment in lots (SYMBOL_VOLUME_STEP).</summary>
    public required decimal VolumeStep { get; init; }

    /// <summary>
    /// Largest aggregate volume of position plus pending orders in one direction (SYMBOL_VOLUME_LIMIT); 0 = none.
    /// </summary>
    public decimal VolumeLimit { get; init; }

    // ---- Trading rules --------------------------------------------------------------------

    /// <summary>What trading is allowed (SYMBOL_TRADE_MODE).</summary>
    public SymbolTradeMode TradeMode { get; init; } = SymbolTradeMode.Full;

    /// <summary>Execution mode (SYMBOL_TRADE_EXEMODE).</summary>
    public SymbolTradeExecution ExecutionMode { get; init; } = SymbolTradeExecution.Market;

    /// <summary>Filling policies allowed (SYMBOL_FILLING_MODE).</summary>
    public SymbolFillingFlags FillingFlags { get; init; } = SymbolFillingFlags.Fok | SymbolFillingFlags.Ioc;

    /// <summary>Order lifetimes allowed (SYMBOL_EXPIRATION_MODE).</summary>
    public SymbolExpirationFlags ExpirationFlags { get; init; } =
        SymbolExpirationFlags.Gtc | SymbolExpirationFlags.Day | SymbolExpirationFlags.Specified | SymbolExpirationFlags.SpecifiedDay;

    /// <summary>Order types allowed (SYMBOL_ORDER_MODE).</summary>
    public SymbolOrderFlags OrderFlags { get; init; } =
        SymbolOrderFlags.Market | SymbolOrderFlags.Limit | SymbolOrderFlags.Stop | SymbolOrderFlags.StopLimit
        | SymbolOrderFlags.StopLoss | SymbolOrderFlags.TakeProfit | SymbolOrderFlags.CloseBy;

    /// <summary>Whether GTC orders survive the trading day (SYMBOL_ORDER_GTC_MODE).</summary>
    public OrderGtcMode GtcMode { get; init; } = OrderGtcMode.Gtc;

    /// <summary>Minimal distance of stops and pending prices from the market, in points (SYMBOL_TRADE_STOPS_LEVEL).</summary>
    public int StopsLevel { get; init; }

    /// <summary>Distance in points inside which orders and positions are frozen (SYMBOL_TRADE_FREEZE_LEVEL).</summary>
    public int FreezeLevel { get; init; }

    // ---- Margin ---------------------------------------------------------------------------

    /// <summary>Initial margin per lot in the margin currency (SYMBOL_MARGIN_INITIAL); 0 = use the calc-mode formula.</summary>
    public double MarginInitial { get; init; }

    /// <summary>Maintenance margin per lot (SYMBOL_MARGIN_MAINTENANCE); 0 = the initial margin.</summary>
    public double MarginMaintenance { get; init; }

    /// <summary>Margin of a hedged lot (SYMBOL_MARGIN_HEDGED): money per lot, or the contract size used in the formula.</summary>
    public double MarginHedged { get; init; }

    /// <summary>Whether hedged margin is the larger leg's (SYMBOL_MARGIN_HEDGED_USE_LEG).</summary>
    public bool MarginHedgedUseLeg { get; init; }

    /// <summary>Margin rate multipliers per direction (SymbolInfoMarginRate).</summary>
    public MarginRates MarginRates { get; init; } = MarginRates.One;

    // ---- Swaps ----------------------------------------------------------------------------

    /// <summary>Unit of the swap values (SYMBOL_SWAP_MODE).</summary>
    public SymbolSwapMode SwapMode { get; init; } = SymbolSwapMode.Points;

    /// <summary>Swap of a long position per night, in the unit of <see cref="SwapMode"/> (SYMBOL_SWAP_LONG).</summary>
    public double SwapLong { get; init; }

    /// <summary>Swap of a short position per night (SYMBOL_SWAP_SHORT).</summary>
    public double SwapShort { get; init; }

    /// <summary>Weekday whose rollover is charged three times (SYMBOL_SWAP_ROLLOVER3DAYS).</summary>
    public DayOfWeek SwapRollover3Days { get; init; } = DayOfWeek.Wednesday;

    // ---- Hours ----------------------------------------------------------------------------

    /// <summary>Quote sessions in UTC (SymbolInfoSessionQuote). Empty = quoted around the clock.</summary>
    public IReadOnlyList<TradingSession> QuoteSessions { get; init; } = [];

    /// <summary>Trade sessions in UTC (SymbolInfoSessionTrade). Empty = tradable around the clock.</summary>
    public IReadOnlyList<TradingSession> TradeSessions { get; init; } = [];

    private readonly double? _tickSize;
}
