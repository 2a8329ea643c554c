using MtMcp.Data.Resampling;
using MtMcp.Data.Store;
using MtMcp.Domain;

namespace MtMcp.Data.Query;

/// <summary>
/// Answers "bars of this symbol and timeframe" from whatever the store holds: the timeframe itself,
/// else a shorter stored timeframe resampled (MT5 rules), else the symbol's ticks.
/// </summary>
public sealed class MarketDataQuery
{
    private readonly MarketDataStore _store;
    private readonly SymbolCatalog _catalog;

    /// <summary>Creates a query over <paramref name="store"/> (the caller keeps and disposes it); <paramref name="catalog"/> gives points for spreads.</summary>
    public MarketDataQuery(MarketDataStore store, SymbolCatalog catalog)
    {
        _store = store;
        _catalog = catalog;
    }

    /// <summary>
    /// Bars of <paramref name="symbol"/> at <paramref name="timeframe"/> with open times in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>] (either bound optional); with
    /// <paramref name="count"/>, only the last <paramref name="count"/> of them.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The store holds nothing from which to build these bars.</exception>
    public Bar[] GetBars(string symbol, Timeframe timeframe, DateTimeOffset? fromUtc = null, DateTimeOffset? toUtc = null, int? count = null)
    {
        if (count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The bar count must be positive.");
        }

        var from = fromUtc?.ToUnixTimeSeconds() ?? long.MinValue;
        var to = toUtc?.ToUnixTimeSeconds() ?? long.MaxValue;

        if (_store.BarsExist(symbol, timeframe))
        {
            using var series = _store.OpenBars(symbol, timeframe);
            return TakeLast(Slice(series, from, to), count);
        }

        // A shorter timeframe whose bars tile the requested one, finest last so the closest is used.
        for (var i = Timeframes.All.Count - 1; i >= 0; i--)
        {
            var source = Timeframes.All[i];
            if (source >= timeframe || !BarResampler.CanResample(source, timeframe) || !_store.BarsExist(symbol, source))
            {
                continue;
            }

            using var series = _store.OpenBars(symbol, source);
            var bars = Slice(series, timeframe.BarOpenTime(Clamp(from)), EndOfBar(timeframe, to));
            var output = new Bar[bars.Length];
            var n = BarResampler.Resample(bars, source, timeframe, output);
            return TakeLast(Within(output.AsSpan(0, n), from, to), count);
        }

        if (_store.TicksExist(symbol))
        {
            using var ticks = _store.OpenTicks(symbol);
            var range = ticks.Range(from == long.MinValue ? long.MinValue : timeframe.BarOpenTime(from) * 1000, to == long.MaxValue ? long.MaxValue : (EndOfBar(timeframe, to) * 1000) + 999);
            var slice = range.Length;
            var output = new Bar[slice];
            var n = BarResampler.TicksToBars(
                ticks.Time.Slice(range.Start, slice), ticks.Bid.Slice(range.Start, slice), ticks.Ask.Slice(range.Start, slice),
                ticks.Volume.Slice(range.Start, slice), timeframe, Point(symbol, ticks), output);
            return TakeLast(Within(output.AsSpan(0, n), from, to), count);
        }

        throw new KeyNotFoundException(
            $"No data for {symbol}: import some with `mtmcp data import FILE`, or fill the demo market with `mtmcp demo`.");
    }

    /// <summary>Ticks of <paramref name="symbol"/> in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], the last <paramref name="count"/> when given.</summary>
    /// <exception cref="KeyNotFoundException">The store holds no ticks of the symbol.</exception>
    public Tick[] GetTicks(string symbol, DateTimeOffset? fromUtc = null, DateTimeOffset? toUtc = null, int? count = null)
    {
        if (!_store.TicksExist(symbol))
        {
            throw new KeyNotFoundException($"No ticks for {symbol}: import a tick file with `mtmcp data import FILE`.");
        }

        using var series = _store.OpenTicks(symbol);
        var range = series.Range(fromUtc?.ToUnixTimeMilliseconds() ?? long.MinValue, toUtc?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        var start = count is { } n && n < range.Length ? range.Start + range.Length - n : range.Start;
        var length = range.Start + range.Length - start;
        var ticks = new Tick[length];
        for (var i = 0; i < length; i++)
        {
            ticks[i] = series[start + i];
        }

        return ticks;
    }

    private static Bar[] Slice(BarSeries series, long from, long to)
    {
        var range = series.Range(from, to);
        var bars = new Bar[range.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = series[range.Start + i];
        }

        return bars;
    }

    private static Bar[] Within(ReadOnlySpan<Bar> bars, long from, long to)
    {
        var start = 0;
        while (start < bars.Length && bars[start].Time < from)
        {
            start++;
        }

        var end = bars.Length;
        while (end > start && bars[end - 1].Time > to)
        {
            end--;
        }

        return bars[start..end].ToArray();
    }

    private static Bar[] TakeLast(Bar[] bars, int? count) =>
        count is { } n && n < bars.Length ? bars[^n..] : bars;

    private static long Clamp(long seconds) => Math.Max(seconds, -62_135_596_800L);

    // The last second of the bar that opens at or before `to`, so the source bars of that bar are included.
    private static long EndOfBar(Timeframe timeframe, long to) =>
        to == long.MaxValue ? long.MaxValue : timeframe.NextBarOpenTime(timeframe.BarOpenTime(to)) - 1;

    private double Point(string symbol, TickSeries ticks) =>
        _catalog.TryGet(symbol, out var spec) ? spec.Point : InferPoint(ticks.Bid[..Math.Min(ticks.Count, 1000)]);

    // A symbol outside the catalogue: the point is the finest decimal the prices use (at most 8 digits).
    private static double InferPoint(ReadOnlySpan<double> prices)
    {
        for (var digits = 0; digits < 8; digits++)
        {
            var scale = Math.Pow(10, digits);
            var whole = true;
            foreach (var price in prices)
            {
                var scaled = price * scale;
                if (Math.Abs(scaled - Math.Round(scaled)) > 1e-6)
                {
                    whole = false;
                    break;
                }
            }

            if (whole)
            {
                return 1 / scale;
            }
        }

        return 1e-8;
    }
}
