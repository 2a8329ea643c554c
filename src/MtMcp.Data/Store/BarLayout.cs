using System.Runtime.InteropServices;
using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>Column layout of bars: time, open, high, low, close, tick volume, spread, real volume.</summary>
internal readonly struct BarLayout : ISeriesLayout<Bar>
{
    public const int TimeColumn = 0;
    public const int OpenColumn = 1;
    public const int HighColumn = 2;
    public const int LowColumn = 3;
    public const int CloseColumn = 4;
    public const int TickVolumeColumn = 5;
    public const int SpreadColumn = 6;
    public const int RealVolumeColumn = 7;

    private static readonly ColumnSpec[] s_columns =
    [
        new("time.i64", sizeof(long)),
        new("open.f64", sizeof(double)),
        new("high.f64", sizeof(double)),
        new("low.f64", sizeof(double)),
        new("close.f64", sizeof(double)),
        new("tick_volume.i64", sizeof(long)),
        new("spread.i32", sizeof(int)),
        new("real_volume.i64", sizeof(long)),
    ];

    public static SeriesKind Kind => SeriesKind.Bars;

    public static ColumnSpec[] Columns => s_columns;

    public static bool AllowsEqualTimes => false;

    public static long TimeOf(in Bar row) => row.Time;

    public static bool SameRow(in Bar a, in Bar b) =>
        a.Time == b.Time
        && BitConverter.DoubleToInt64Bits(a.Open) == BitConverter.DoubleToInt64Bits(b.Open)
        && BitConverter.DoubleToInt64Bits(a.High) == BitConverter.DoubleToInt64Bits(b.High)
        && BitConverter.DoubleToInt64Bits(a.Low) == BitConverter.DoubleToInt64Bits(b.Low)
        && BitConverter.DoubleToInt64Bits(a.Close) == BitConverter.DoubleToInt64Bits(b.Close)
        && a.TickVolume == b.TickVolume
        && a.Spread == b.Spread
        && a.RealVolume == b.RealVolume;

    public static Bar Read(MappedColumns columns, int index) => new(
        columns.Span<long>(TimeColumn)[index],
        columns.Span<double>(OpenColumn)[index],
        columns.Span<double>(HighColumn)[index],
        columns.Span<double>(LowColumn)[index],
        columns.Span<double>(CloseColumn)[index],
        columns.Span<long>(TickVolumeColumn)[index],
        columns.Span<int>(SpreadColumn)[index],
        columns.Span<long>(RealVolumeColumn)[index]);

    public static void Scatter(ReadOnlySpan<Bar> rows, byte[][] buffers)
    {
        var n = rows.Length;
        var time = MemoryMarshal.Cast<byte, long>(buffers[TimeColumn].AsSpan())[..n];
        var open = MemoryMarshal.Cast<byte, double>(buffers[OpenColumn].AsSpan())[..n];
        var high = MemoryMarshal.Cast<byte, double>(buffers[HighColumn].AsSpan())[..n];
        var low = MemoryMarshal.Cast<byte, double>(buffers[LowColumn].AsSpan())[..n];
        var close = MemoryMarshal.Cast<byte, double>(buffers[CloseColumn].AsSpan())[..n];
        var tickVolume = MemoryMarshal.Cast<byte, long>(buffers[TickVolumeColumn].AsSpan())[..n];
        var spread = MemoryMarshal.Cast<byte, int>(buffers[SpreadColumn].AsSpan())[..n];
        var realVolume = MemoryMarshal.Cast<byte, long>(buffers[RealVolumeColumn].AsSpan())[..n];
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var bar = ref rows[i];
            time[i] = bar.Time;
            open[i] = bar.Open;
            high[i] = bar.High;
            low[i] = bar.Low;
            close[i] = bar.Close;
            tickVolume[i] = bar.TickVolume;
            spread[i] = bar.Spread;
            realVolume[i] = bar.RealVolume;
        }
    }
}
