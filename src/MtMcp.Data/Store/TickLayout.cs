using System.Runtime.InteropServices;
using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>Column layout of ticks: time in milliseconds, bid, ask, last, volume, flags.</summary>
internal readonly struct TickLayout : ISeriesLayout<Tick>
{
    public const int TimeColumn = 0;
    public const int BidColumn = 1;
    public const int AskColumn = 2;
    public const int LastColumn = 3;
    public const int VolumeColumn = 4;
    public const int FlagsColumn = 5;

    private static readonly ColumnSpec[] s_columns =
    [
        new("time_ms.i64", sizeof(long)),
        new("bid.f64", sizeof(double)),
        new("ask.f64", sizeof(double)),
        new("last.f64", sizeof(double)),
        new("volume.f64", sizeof(double)),
        new("flags.i32", sizeof(int)),
    ];

    public static SeriesKind Kind => SeriesKind.Ticks;

    public static ColumnSpec[] Columns => s_columns;

    public static bool AllowsEqualTimes => true;

    public static long TimeOf(in Tick row) => row.TimeMs;

    public static bool SameRow(in Tick a, in Tick b) =>
        a.TimeMs == b.TimeMs
        && BitConverter.DoubleToInt64Bits(a.Bid) == BitConverter.DoubleToInt64Bits(b.Bid)
        && BitConverter.DoubleToInt64Bits(a.Ask) == BitConverter.DoubleToInt64Bits(b.Ask)
        && BitConverter.DoubleToInt64Bits(a.Last) == BitConverter.DoubleToInt64Bits(b.Last)
        && BitConverter.DoubleToInt64Bits(a.Volume) == BitConverter.DoubleToInt64Bits(b.Volume)
        && a.Flags == b.Flags;

    public static Tick Read(MappedColumns columns, int index) => new(
        columns.Span<long>(TimeColumn)[index],
        columns.Span<double>(BidColumn)[index],
        columns.Span<double>(AskColumn)[index],
        columns.Span<double>(LastColumn)[index],
        columns.Span<double>(VolumeColumn)[index],
        columns.Span<TickFlags>(FlagsColumn)[index]);

    public static void Scatter(ReadOnlySpan<Tick> rows, byte[][] buffers)
    {
        var n = rows.Length;
        var time = MemoryMarshal.Cast<byte, long>(buffers[TimeColumn].AsSpan())[..n];
        var bid = MemoryMarshal.Cast<byte, double>(buffers[BidColumn].AsSpan())[..n];
        var ask = MemoryMarshal.Cast<byte, double>(buffers[AskColumn].AsSpan())[..n];
        var last = MemoryMarshal.Cast<byte, double>(buffers[LastColumn].AsSpan())[..n];
        var volume = MemoryMarshal.Cast<byte, double>(buffers[VolumeColumn].AsSpan())[..n];
        var flags = MemoryMarshal.Cast<byte, int>(buffers[FlagsColumn].AsSpan())[..n];
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var tick = ref rows[i];
            time[i] = tick.TimeMs;
            bid[i] = tick.Bid;
            ask[i] = tick.Ask;
            last[i] = tick.Last;
            volume[i] = tick.Volume;
            flags[i] = (int)tick.Flags;
        }
    }
}
