namespace MtMcp.Server.Tools;

// The JSON shapes of the account and trading tools (snake_case on the wire). Money as JSON numbers from decimal.

/// <summary>One account of <c>list_accounts</c>.</summary>
internal sealed record AccountSummary(string Name, ulong Login, string Currency, int Leverage, string MarginMode, string TradeMode, decimal Balance, double Equity, int Positions, int Orders);

/// <summary>The answer of <c>list_accounts</c>.</summary>
internal sealed record AccountList(string ServerMode, IReadOnlyList<AccountSummary> Accounts);

/// <summary>The answer of <c>get_account</c>.</summary>
internal sealed record AccountDetails(
    string Name, ulong Login, string Server, string Company, string Currency, int Leverage, string TradeMode, string MarginMode, string ServerMode,
    decimal Balance, decimal Credit, double Profit, double Equity, double Margin, double MarginFree, double? MarginLevel, bool MarginCall,
    double MarginCallLevel, double StopOutLevel, string StopOutMode, bool TradeAllowed, string Time);

/// <summary>An open position.</summary>
internal sealed record PositionInfo(
    ulong Ticket, string Symbol, string Side, decimal Volume, double PriceOpen, double PriceCurrent, double StopLoss, double TakeProfit,
    int TrailingStopPoints, double Profit, decimal Swap, decimal Commission, ulong Magic, string Comment, string? ClientOrderId, string Time);

/// <summary>The answer of <c>get_positions</c>.</summary>
internal sealed record PositionList(string Account, int Count, IReadOnlyList<PositionInfo> Positions);

/// <summary>A pending or historical order.</summary>
internal sealed record OrderInfo(
    ulong Ticket, string Symbol, string Type, string State, decimal VolumeInitial, decimal VolumeCurrent, double Price, double StopLimitPrice,
    double StopLoss, double TakeProfit, string TimeSetup, string? TimeDone, string? Expiration, ulong Magic, string Comment, string? ClientOrderId, ulong PositionId);

/// <summary>The answer of <c>get_orders</c>.</summary>
internal sealed record OrderList(string Account, int Count, IReadOnlyList<OrderInfo> Orders);

/// <summary>A deal of the ledger.</summary>
internal sealed record DealInfo(
    ulong Ticket, ulong Order, ulong PositionId, string Symbol, string Type, string Entry, decimal Volume, double Price,
    decimal Profit, decimal Commission, decimal Swap, ulong Magic, string Comment, string Reason, string Time);

/// <summary>The answer of <c>get_history</c>.</summary>
internal sealed record HistoryPage(string Account, string From, string To, int DealCount, IReadOnlyList<DealInfo> Deals, int OrderCount, IReadOnlyList<OrderInfo> Orders, bool Truncated);

/// <summary>The result of one trade request.</summary>
internal sealed record TradeOutcomeInfo(
    int Retcode, string RetcodeName, string Outcome, string Message, ulong Order, ulong Deal, ulong Position, decimal Volume,
    double Price, double Bid, double Ask, string? ClientOrderId, string Time);

/// <summary>The answer of <c>place_order</c>, <c>modify_order</c>, <c>cancel_order</c>, <c>modify_position</c> and <c>close_position</c>.</summary>
internal sealed record TradeAnswer(string Account, TradeOutcomeInfo Result);

/// <summary>The answer of <c>check_order</c>.</summary>
internal sealed record OrderCheck(
    string Account, bool Accepted, int Retcode, string RetcodeName, string Message, decimal Volume, double RequiredMargin,
    decimal Balance, double Equity, double Margin, double MarginFree, double? MarginLevel);

/// <summary>The answer of <c>close_positions</c>: one result per position.</summary>
internal sealed record BulkClose(string Account, int Count, int Closed, IReadOnlyList<TradeOutcomeInfo> Results);
