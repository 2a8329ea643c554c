namespace MtMcp.Data.Store;

/// <summary>
/// How one row type maps to column files. Column 0 is always the <see cref="long"/> time key, in
/// non-decreasing order (strictly increasing unless <see cref="AllowsEqualTimes"/>).
/// Static members so the generic writer binds them at compile time, with no per-row virtual calls.
/// </summary>
/// <typeparam name="TRow">The row type (<c>Bar</c> or <c>Tick</c>).</typeparam>
internal interface ISeriesLayout<TRow>
    where TRow : struct
{
    static abstract SeriesKind Kind { get; }

    static abstract ColumnSpec[] Columns { get; }

    /// <summary>
    /// Whether several rows may share one time: ticks may (a feed sends many in one millisecond), bars may not (one
    /// bar per open time). Rows sharing a time form a group, which writes store, compare and replace as a whole.
    /// </summary>
    static abstract bool AllowsEqualTimes { get; }

    static abstract long TimeOf(in TRow row);

    /// <summary>Bit-for-bit equality, so that -0.0 vs 0.0 or two NaN payloads count as a change to the file.</summary>
    static abstract bool SameRow(in TRow a, in TRow b);

    static abstract TRow Read(MappedColumns columns, int index);

    /// <summary>Writes the rows' fields into one buffer per column, starting at byte 0 of each.</summary>
    static abstract void Scatter(ReadOnlySpan<TRow> rows, byte[][] buffers);
}
