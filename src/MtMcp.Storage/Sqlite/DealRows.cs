namespace MtMcp.Storage.Sqlite;

/// <summary>The <c>deals</c> table: the ledger, append-only in normal operation.</summary>
internal static class DealRows
{
    public const string Table = "deals";

    public const string Schema = """
        CREATE TABLE deals (
            account_id  INTEGER NOT NULL,
            ticket      INTEGER NOT NULL,
            order_id    INTEGER NOT NULL,
            position_id INTEGER NOT NULL,
            symbol      TEXT    NOT NULL, -- empty for balance operations
            type        INTEGER NOT NULL, -- ENUM_DEAL_TYPE
            entry       INTEGER NOT NULL, -- ENUM_DEAL_ENTRY
            volume      TEXT    NOT NULL, -- lots, exact decimal
            price       REAL,
            profit      TEXT    NOT NULL, -- account currency, exact decimal
            commission  TEXT    NOT NULL,
            swap        TEXT    NOT NULL,
            time_ms     INTEGER NOT NULL,
            magic       INTEGER NOT NULL,
            comment     TEXT    NOT NULL,
            reason      INTEGER NOT NULL,
            stop_loss   REAL,
            take_profit REAL,
            PRIMARY KEY (account_id, ticket)
        ) WITHOUT ROWID;
        CREATE INDEX deals_by_time ON deals (account_id, time_ms);
        CREATE INDEX deals_by_symbol ON deals (account_id, symbol, time_ms);
        CREATE INDEX deals_by_magic ON deals (account_id, magic, time_ms);
        """;

    /// <summary>The columns after <c>account_id</c>, in the order <see cref="Write"/> and <see cref="Read"/> use.</summary>
    public static readonly string[] Columns =
    [
        "ticket", "order_id", "position_id", "symbol", "type", "entry", "volume", "price", "profit", "commission", "swap",
        "time_ms", "magic", "comment", "reason", "stop_loss", "take_profit",
    ];

    public static void Write(ref RowWriter row, Deal deal)
    {
        row.Write(deal.Ticket);
        row.Write(deal.Order);
        row.Write(deal.PositionId);
        row.Write(deal.Symbol);
        row.Write((int)deal.Type);
        row.Write((int)deal.Entry);
        row.Write(deal.Volume);
        row.Write(deal.Price);
        row.Write(deal.Profit);
        row.Write(deal.Commission);
        row.Write(deal.Swap);
        row.Write(deal.TimeMs);
        row.Write(deal.Magic);
        row.Write(deal.Comment);
        row.Write((int)deal.Reason);
        row.Write(deal.StopLoss);
        row.Write(deal.TakeProfit);
    }

    public static Deal Read(ref RowReader row) => new()
    {
        Ticket = row.UInt64(),
        Order = row.UInt64(),
        PositionId = row.UInt64(),
        Symbol = row.String(),
        Type = (DealType)row.Int32(),
        Entry = (DealEntry)row.Int32(),
        Volume = row.Decimal(),
        Price = row.Double(),
        Profit = row.Decimal(),
        Commission = row.Decimal(),
        Swap = row.Decimal(),
        TimeMs = row.Int64(),
        Magic = row.UInt64(),
        Comment = row.String(),
        Reason = (DealReason)row.Int32(),
        StopLoss = row.Double(),
        TakeProfit = row.Double(),
    };
}
