using System.Globalization;
using System.Text;

namespace MtMcp.Reports;

internal static partial class SvgCharts
{
    /// <summary>
    /// Trades marked on price: the close line (when known), and per trade a dashed segment from entry to exit, a triangle at the
    /// entry (up for long, down for short) and a circle at the exit, green for a profit and red for a loss (grey while open).
    /// Only <paramref name="symbol"/>'s trades are drawn.
    /// </summary>
    public static void Trades(StringBuilder svg, string symbol, PriceSeries? prices, IReadOnlyList<ReportTrade> trades)
    {
        double t0 = double.PositiveInfinity, t1 = double.NegativeInfinity, min = double.PositiveInfinity, max = double.NegativeInfinity;
        void Include(double t, double price)
        {
            (t0, t1) = (Math.Min(t0, t), Math.Max(t1, t));
            if (double.IsFinite(price))
            {
                (min, max) = (Math.Min(min, price), Math.Max(max, price));
            }
        }

        if (prices is not null)
        {
            for (var i = 0; i < prices.Close.Count; i++)
            {
                Include(prices.TimesMs[i], prices.Close[i]);
            }
        }

        foreach (var t in trades)
        {
            if (string.Equals(t.Symbol, symbol, StringComparison.Ordinal))
            {
                Include(t.EntryTimeMs, t.EntryPrice);
                Include(t.ExitTimeMs ?? t.EntryTimeMs, t.ExitPrice ?? t.EntryPrice);
            }
        }

        var frame = Open(svg, prices is null ? symbol + ": trades at their deal prices" : symbol + ": trades on the close", t0, t1, min, max);
        if (prices is not null)
        {
            Polyline(svg, frame, prices.TimesMs, prices.Close, PriceColor, "close");
        }

        foreach (var t in trades)
        {
            if (string.Equals(t.Symbol, symbol, StringComparison.Ordinal))
            {
                Marker(svg, frame, t);
            }
        }

        Legend(svg, [("Win", WinColor), ("Loss", LossColor)]);
        svg.Append("</svg>\n");
    }

    /// <summary>The symbol with the most trades (ordinal order breaks ties), or the price series' symbol when given.</summary>
    public static string? MainSymbol(PriceSeries? prices, IReadOnlyList<ReportTrade> trades)
    {
        if (prices is not null)
        {
            return prices.Symbol;
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in trades)
        {
            counts[t.Symbol] = counts.GetValueOrDefault(t.Symbol) + 1;
        }

        string? best = null;
        foreach (var (name, count) in counts)
        {
            best = best is null || count > counts[best] ? name : best;
        }

        return best;
    }

    private static void Marker(StringBuilder svg, Frame frame, ReportTrade t)
    {
        var color = t.IsOpen ? PriceColor : t.Profit >= 0 ? WinColor : LossColor;
        var (x0, y0) = (frame.X(t.EntryTimeMs), frame.Y(t.EntryPrice));
        var side = t.Size >= 0 ? "Long" : "Short";
        svg.Append("<g><title>");
        HtmlText.Append(svg, string.Create(CultureInfo.InvariantCulture,
            $"{side} {Math.Abs(t.Size):0.####} {t.Symbol} {PerformanceReports.IsoTime(t.EntryTimeMs)} @ {t.EntryPrice:0.#####}"));
        if (t.ExitTimeMs is { } exit && t.ExitPrice is { } price)
        {
            HtmlText.Append(svg, string.Create(CultureInfo.InvariantCulture,
                $" → {PerformanceReports.IsoTime(exit)} @ {price:0.#####}: {t.Profit:0.##} ({t.ReturnPct:0.##} %)"));
        }

        svg.Append("</title>");
        if (t.ExitTimeMs is { } exitMs && t.ExitPrice is { } exitPrice)
        {
            var (x1, y1) = (frame.X(exitMs), frame.Y(exitPrice));
            svg.Append("<line x1=\"").Append(Coordinate(x0)).Append("\" y1=\"").Append(Coordinate(y0)).Append("\" x2=\"").Append(Coordinate(x1))
                .Append("\" y2=\"").Append(Coordinate(y1)).Append("\" stroke=\"").Append(color).Append("\" stroke-dasharray=\"3 2\"/>");
            svg.Append("<circle cx=\"").Append(Coordinate(x1)).Append("\" cy=\"").Append(Coordinate(y1)).Append("\" r=\"3\" fill=\"none\" stroke=\"")
                .Append(color).Append("\"/>");
        }

        // A triangle pointing up (long) or down (short) on the entry price.
        var d = t.Size >= 0 ? -5 : 5;
        svg.Append("<polygon fill=\"").Append(color).Append("\" points=\"");
        Point(svg, x0, y0 + d);
        Point(svg, x0 - 4, y0 - d);
        Point(svg, x0 + 4, y0 - d);
        svg.Append("\"/></g>\n");
    }
}
