namespace MtMcp.Data.Store;

/// <summary>The committed state of a series, read from a validated manifest.</summary>
/// <param name="Symbol">The symbol as first written.</param>
/// <param name="Count">Committed rows.</param>
/// <param name="FirstTime">Time of the first row (series unit); 0 when empty.</param>
/// <param name="LastTime">Time of the last row (series unit); 0 when empty.</param>
/// <param name="Generation">The folder <c>g&lt;n&gt;</c> holding the columns.</param>
internal sealed record SeriesState(string Symbol, int Count, long FirstTime, long LastTime, long Generation);
