namespace MtMcp.Domain;

/// <summary>Trade request action (ENUM_TRADE_REQUEST_ACTIONS).</summary>
public enum TradeAction
{
    /// <summary>Market order: immediate execution.</summary>
    Deal = 1,

    /// <summary>Place a pending order.</summary>
    Pending = 5,

    /// <summary>Modify the SL/TP of an open position.</summary>
    SlTp = 6,

    /// <summary>Modify a pending order.</summary>
    Modify = 7,

    /// <summary>Delete a pending order.</summary>
    Remove = 8,

    /// <summary>Close a position by an opposite one.</summary>
    CloseBy = 10,
}
