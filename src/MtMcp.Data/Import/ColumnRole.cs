namespace MtMcp.Data.Import;

/// <summary>What one column of a delimited file holds.</summary>
internal enum ColumnRole : byte
{
    Ignore,
    DateTime,
    Date,
    Time,
    MsOfDay,
    Open,
    High,
    Low,
    Close,
    TickVolume,
    RealVolume,
    Spread,
    AskOpen,
    AskClose,
    Bid,
    Ask,
    Last,
    Volume,
    Flags,
}
