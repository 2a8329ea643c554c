using System.Globalization;
using System.Text;

namespace MtMcp.Reports;

internal static partial class SvgCharts
{
    private const int CellWidth = 58;
    private const int CellHeight = 22;
    private const int YearColumn = 52;

    /// <summary>Monthly returns as a year × month grid (plus the year's return), green for gains and red for losses, shaded by size.</summary>
    public static void MonthlyHeatmap(StringBuilder svg, IReadOnlyList<PeriodReturn> months, IReadOnlyList<PeriodReturn> years)
    {
        var first = years.Count > 0 ? years[0].Year : 0;
        var rows = years.Count > 0 ? years[^1].Year - first + 1 : 0;
        var width = YearColumn + (13 * CellWidth) + 8;
        var height = Top + ((rows + 1) * CellHeight) + 8;
        svg.Append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\">\n<title>Monthly returns [%]</title>\n");
        Text(svg, 0, 18, "start", "Monthly returns [%]", "title");
        var scale = 0.0;
        foreach (var m in months)
        {
            scale = double.IsFinite(m.ReturnPct) ? Math.Max(scale, Math.Abs(m.ReturnPct)) : scale;
        }

        for (var c = 0; c < 13; c++)
        {
            var label = c < 12 ? CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[c] : "Year";
            Text(svg, YearColumn + (c * CellWidth) + (CellWidth / 2.0), Top + 15, "middle", label);
        }

        for (var r = 0; r < rows; r++)
        {
            Text(svg, YearColumn - 6, Top + ((r + 1) * CellHeight) + 15, "end", (first + r).ToString(CultureInfo.InvariantCulture));
        }

        foreach (var m in months)
        {
            Cell(svg, m.Year - first, m.Month!.Value - 1, m.ReturnPct, scale);
        }

        foreach (var y in years)
        {
            Cell(svg, y.Year - first, 12, y.ReturnPct, Math.Max(scale, Math.Abs(double.IsFinite(y.ReturnPct) ? y.ReturnPct : 0)));
        }

        svg.Append("</svg>\n");
    }

    /// <summary>Trade return histogram: one bar per bin, red for bins at or below 0 %, green above.</summary>
    public static void Histogram(StringBuilder svg, TradeHistogram histogram)
    {
        var bins = histogram.Counts.Count;
        var top = 0;
        foreach (var c in histogram.Counts)
        {
            top = Math.Max(top, c);
        }

        var (_, high, step) = NiceScale(0, Math.Max(top, 1));
        step = Math.Max(1, Math.Round(step));
        high = Math.Ceiling(high / step) * step;
        Begin(svg, "Trade returns [%] (count per bin)");
        var plotHeight = Height - Top - Bottom;
        var plotWidth = Width - Left - Right;
        double Y(double count) => Top + plotHeight - (count / high * plotHeight);
        for (var v = 0.0; v <= high; v += step)
        {
            Line(svg, Left, Y(v), Width - Right, Y(v), "#e5e7eb");
            Text(svg, Left - 6, Y(v) + 4, "end", v.ToString("0", CultureInfo.InvariantCulture));
        }

        var barWidth = (double)plotWidth / Math.Max(bins, 1);
        var labelEvery = Math.Max(1, (int)Math.Ceiling((bins + 1) / 12.0));
        for (var k = 0; k < bins; k++)
        {
            var (from, to) = (histogram.EdgesPct[k], histogram.EdgesPct[k + 1]);
            var x = Left + (k * barWidth);
            svg.Append("<rect x=\"").Append(Coordinate(x + 1)).Append("\" y=\"").Append(Coordinate(Y(histogram.Counts[k])))
                .Append("\" width=\"").Append(Coordinate(Math.Max(barWidth - 2, 1))).Append("\" height=\"")
                .Append(Coordinate(histogram.Counts[k] / high * plotHeight)).Append("\" fill=\"")
                .Append(to <= 0 ? LossColor : WinColor).Append("\"><title>");
            svg.Append(string.Create(CultureInfo.InvariantCulture, $"{from:0.###} % to {to:0.###} %: {histogram.Counts[k]} trades")).Append("</title></rect>\n");
        }

        var axis = Height - Bottom;
        Line(svg, Left, axis, Width - Right, axis, "#9ca3af");
        for (var k = 0; k <= bins; k += labelEvery)
        {
            Text(svg, Left + (k * barWidth), axis + 18, "middle", histogram.EdgesPct[k].ToString("0.##", CultureInfo.InvariantCulture));
        }

        svg.Append("</svg>\n");
    }

    private static void Cell(StringBuilder svg, int row, int column, double pct, double scale)
    {
        var x = YearColumn + (column * CellWidth);
        var y = Top + ((row + 1) * CellHeight);
        var finite = double.IsFinite(pct);
        var opacity = finite && scale > 0 ? 0.12 + (0.78 * Math.Abs(pct) / scale) : 0;
        svg.Append("<rect x=\"").Append(x + 1).Append("\" y=\"").Append(y + 1).Append("\" width=\"").Append(CellWidth - 2).Append("\" height=\"")
            .Append(CellHeight - 2).Append("\" fill=\"").Append(pct < 0 ? LossColor : WinColor).Append("\" fill-opacity=\"")
            .Append(opacity.ToString("0.##", CultureInfo.InvariantCulture)).Append("\"/>");
        Text(svg, x + (CellWidth / 2.0), y + 15, "middle", finite ? pct.ToString("0.00", CultureInfo.InvariantCulture) : "n/a");
        svg.Append('\n');
    }
}
