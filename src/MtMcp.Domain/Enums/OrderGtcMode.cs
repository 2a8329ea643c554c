namespace MtMcp.Domain;

/// <summary>Whether GTC orders survive the trading day (ENUM_SYMBOL_ORDER_GTC_MODE).</summary>
public enum OrderGtcMode
{
    /// <summary>Until cancelled.</summary>
    Gtc = 0,

    /// <summary>Pending orders and SL/TP valid for one day.</summary>
    Daily = 1,

    /// <summary>Pending orders valid for one day, SL/TP kept.</summary>
    DailyExcludingStops = 2,
}
