namespace MtMcp.Storage.Sqlite;

/// <summary>The <c>positions</c> table: open positions only; a position's row is deleted when it closes.</summary>
internal static class PositionRows
{
    public const string Table = "positions";

    public const string Schema = """
        CREATE TABLE positions (
            account_id           INTEGER NOT NULL,
            ticket               INTEGER NOT NULL,
            symbol               TEXT    NOT NULL,
            type                 INTEGER NOT NULL, -- ENUM_POSITION_TYPE
            volume               TEXT    NOT NULL, -- lots, exact decimal
            price_open           REAL,
            stop_loss            REAL,
            take_profit          REAL,
            time_ms              INTEGER NOT NULL,
            time_update_ms       INTEGER NOT NULL,
            magic                INTEGER NOT NULL,
            comment              TEXT    NOT NULL,
            swap                 TEXT    NOT NULL, -- account currency, exact decimal
            commission           TEXT    NOT NULL,
            reason               INTEGER NOT NULL,
            client_order_id      TEXT,
            trailing_stop_points INTEGER NOT NULL,
            trailing_step_points INTEGER NOT NULL,
            PRIMARY KEY (account_id, ticket)
        ) WITHOUT ROWID;
        """;

    /// <summary>The columns after <c>account_id</c>, in the order <see cref="Write"/> and <see cref="Read"/> use.</summary>
    public static readonly string[] Columns =
    [
        "ticket", "symbol", "type", "volume", "price_open", "stop_loss", "take_profit", "time_ms", "time_update_ms", "magic",
        "comment", "swap", "commission", "reason", "client_order_id", "trailing_stop_points", "trailing_step_points",
    ];

    public static void Write(ref RowWriter row, Position position)
    {
        row.Write(position.Ticket);
        row.Write(position.Symbol);
        row.Write((int)position.Type);
        row.Write(position.Volume);
        row.Write(position.PriceOpen);
        row.Write(position.StopLoss);
        row.Write(position.TakeProfit);
        row.Write(position.TimeMs);
        row.Write(position.TimeUpdateMs);
        row.Write(position.Magic);
        row.Write(position.Comment);
        row.Write(position.Swap);
        row.Write(position.Commission);
        row.Write((int)position.Reason);
        row.Write(position.ClientOrderId);
        row.Write(position.TrailingStopPoints);
        row.Write(position.TrailingStepPoints);
    }

    public static Position Read(ref RowReader row) => new()
    {
        Ticket = row.UInt64(),
        Symbol = row.String(),
        Type = (PositionType)row.Int32(),
        Volume = row.Decimal(),
        PriceOpen = row.Double(),
        StopLoss = row.Double(),
        TakeProfit = row.Double(),
        TimeMs = row.Int64(),
        TimeUpdateMs = row.Int64(),
        Magic = row.UInt64(),
        Comment = row.String(),
        Swap = row.Decimal(),
        Commission = row.Decimal(),
        Reason = (PositionReason)row.Int32(),
        ClientOrderId = row.NullableString(),
        TrailingStopPoints = row.Int32(),
        TrailingStepPoints = row.Int32(),
    };
}
