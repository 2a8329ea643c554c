namespace MtMcp.Domain;

/// <summary>Trade server return codes (MqlTradeResult.retcode). There is no 10005 and no 10037.</summary>
public enum TradeRetcode
{
    /// <summary>Requote.</summary>
    Requote = 10004,

    /// <summary>Request rejected.</summary>
    Reject = 10006,

    /// <summary>Request canceled by trader.</summary>
    Cancel = 10007,

    /// <summary>Order placed.</summary>
    Placed = 10008,

    /// <summary>Request completed.</summary>
    Done = 10009,

    /// <summary>Only part of the request was completed.</summary>
    DonePartial = 10010,

    /// <summary>Request processing error.</summary>
    Error = 10011,

    /// <summary>Request canceled by timeout.</summary>
    Timeout = 10012,

    /// <summary>Invalid request.</summary>
    Invalid = 10013,

    /// <summary>Invalid volume in the request.</summary>
    InvalidVolume = 10014,

    /// <summary>Invalid price in the request.</summary>
    InvalidPrice = 10015,

    /// <summary>Invalid stops in the request.</summary>
    InvalidStops = 10016,

    /// <summary>Trade is disabled.</summary>
    TradeDisabled = 10017,

    /// <summary>Market is closed.</summary>
    MarketClosed = 10018,

    /// <summary>There is not enough money to complete the request.</summary>
    NoMoney = 10019,

    /// <summary>Prices changed.</summary>
    PriceChanged = 10020,

    /// <summary>There are no quotes to process the request.</summary>
    PriceOff = 10021,

    /// <summary>Invalid order expiration date in the request.</summary>
    InvalidExpiration = 10022,

    /// <summary>Order state changed.</summary>
    OrderChanged = 10023,

    /// <summary>Too frequent requests.</summary>
    TooManyRequests = 10024,

    /// <summary>No changes in request.</summary>
    NoChanges = 10025,

    /// <summary>Autotrading disabled by server.</summary>
    ServerDisablesAutoTrading = 10026,

    /// <summary>Autotrading disabled by client terminal.</summary>
    ClientDisablesAutoTrading = 10027,

    /// <summary>Request locked for processing.</summary>
    Locked = 10028,

    /// <summary>Order or position frozen.</summary>
    Frozen = 10029,

    /// <summary>Invalid order filling type.</summary>
    InvalidFill = 10030,

    /// <summary>No connection with the trade server.</summary>
    Connection = 10031,

    /// <summary>Operation is allowed only for live accounts.</summary>
    OnlyReal = 10032,

    /// <summary>The number of pending orders has reached the limit.</summary>
    LimitOrders = 10033,

    /// <summary>The volume of orders and positions for the symbol has reached the limit.</summary>
    LimitVolume = 10034,

    /// <summary>Incorrect or prohibited order type.</summary>
    InvalidOrder = 10035,

    /// <summary>Position with the specified identifier has already been closed.</summary>
    PositionClosed = 10036,

    /// <summary>A close volume exceeds the current position volume.</summary>
    InvalidCloseVolume = 10038,

    /// <summary>A close order already exists for the position.</summary>
    CloseOrderExist = 10039,

    /// <summary>The number of open positions has reached the limit.</summary>
    LimitPositions = 10040,

    /// <summary>The pending order activation request is rejected, the order is canceled.</summary>
    RejectCancel = 10041,

    /// <summary>Only long positions are allowed for the symbol.</summary>
    LongOnly = 10042,

    /// <summary>Only short positions are allowed for the symbol.</summary>
    ShortOnly = 10043,

    /// <summary>Only position closing is allowed for the symbol.</summary>
    CloseOnly = 10044,

    /// <summary>Position closing is allowed only by FIFO rule.</summary>
    FifoClose = 10045,

    /// <summary>Opposite positions on a single symbol are disabled.</summary>
    HedgeProhibited = 10046,
}
