namespace MtMcp.Storage.Sqlite;

/// <summary>The <c>orders</c> table: working and historical orders, one row per ticket, updated in place.</summary>
internal static class OrderRows
{
    public const string Table = "orders";

    public const string Schema = """
        CREATE TABLE orders (
            account_id           INTEGER NOT NULL,
            ticket               INTEGER NOT NULL,
            symbol               TEXT    NOT NULL,
            type                 INTEGER NOT NULL, -- ENUM_ORDER_TYPE
            state                INTEGER NOT NULL, -- ENUM_ORDER_STATE
            volume_initial       TEXT    NOT NULL, -- lots, exact decimal
            volume_current       TEXT    NOT NULL,
            price_open           REAL,
            stop_limit           REAL,
            stop_loss            REAL,
            take_profit          REAL,
            time_setup_ms        INTEGER NOT NULL,
            time_done_ms         INTEGER NOT NULL, -- 0 while working
            time_type            INTEGER NOT NULL,
            expiration_ms        INTEGER NOT NULL,
            filling              INTEGER NOT NULL,
            magic                INTEGER NOT NULL, -- the 64 bits of the unsigned magic
            comment              TEXT    NOT NULL,
            position_id          INTEGER NOT NULL,
            position_by_id       INTEGER NOT NULL,
            reason               INTEGER NOT NULL,
            client_order_id      TEXT,
            trailing_stop_points INTEGER NOT NULL,
            trailing_step_points INTEGER NOT NULL,
            PRIMARY KEY (account_id, ticket)
        ) WITHOUT ROWID;
        CREATE INDEX orders_by_time ON orders (account_id, time_done_ms);
        CREATE INDEX orders_by_symbol ON orders (account_id, symbol, time_done_ms);
        CREATE INDEX orders_by_magic ON orders (account_id, magic, time_done_ms);
        """;

    /// <summary>The columns after <c>account_id</c>, in the order <see cref="Write"/> and <see cref="Read"/> use.</summary>
    public static readonly string[] Columns =
    [
        "ticket", "symbol", "type", "state", "volume_initial", "volume_current", "price_open", "stop_limit", "stop_loss",
        "take_profit", "time_setup_ms", "time_done_ms", "time_type", "expiration_ms", "filling", "magic", "comment",
        "position_id", "position_by_id", "reason", "client_order_id", "trailing_stop_points", "trailing_step_points",
    ];

    public static void Write(ref RowWriter row, Order order)
    {
        row.Write(order.Ticket);
        row.Write(order.Symbol);
        row.Write((int)order.Type);
        row.Write((int)order.State);
        row.Write(order.VolumeInitial);
        row.Write(order.VolumeCurrent);
        row.Write(order.PriceOpen);
        row.Write(order.StopLimit);
        row.Write(order.StopLoss);
        row.Write(order.TakeProfit);
        row.Write(order.TimeSetupMs);
        row.Write(order.TimeDoneMs);
        row.Write((int)order.TimeType);
        row.Write(order.ExpirationMs);
        row.Write((int)order.Filling);
        row.Write(order.Magic);
        row.Write(order.Comment);
        row.Write(order.PositionId);
        row.Write(order.PositionById);
        row.Write((int)order.Reason);
        row.Write(order.ClientOrderId);
        row.Write(order.TrailingStopPoints);
        row.Write(order.TrailingStepPoints);
    }

    // Object initialisers run in source order, so the reads follow the column order.
    public static Order Read(ref RowReader row) => new()
    {
        Ticket = row.UInt64(),
        Symbol = row.String(),
        Type = (OrderType)row.Int32(),
        State = (OrderState)row.Int32(),
        VolumeInitial = row.Decimal(),
        VolumeCurrent = row.Decimal(),
        PriceOpen = row.Double(),
        StopLimit = row.Double(),
        StopLoss = row.Double(),
        TakeProfit = row.Double(),
        TimeSetupMs = row.Int64(),
        TimeDoneMs = row.Int64(),
        TimeType = (OrderTimeType)row.Int32(),
        ExpirationMs = row.Int64(),
        Filling = (OrderFilling)row.Int32(),
        Magic = row.UInt64(),
        Comment = row.String(),
        PositionId = row.UInt64(),
        PositionById = row.UInt64(),
        Reason = (OrderReason)row.Int32(),
        ClientOrderId = row.NullableString(),
        TrailingStopPoints = row.Int32(),
        TrailingStepPoints = row.Int32(),
    };
}
