using System.Globalization;
using System.Text;

namespace MtMcp.Reports;

/// <summary>
/// Renders a report as one self-contained HTML page: inline CSS and inline SVG charts (equity and balance, drawdown, monthly
/// returns heat map, trade return histogram, trades marked on price), the headline figures and the trades. No scripts, fonts,
/// images or links to anything outside the page, so it opens offline. Every text from the report is escaped; the markup is
/// well-formed XML after the doctype. Deterministic: the same report gives the same bytes.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Most trades (and table rows) listed on the page; the JSON has them all.</summary>
    public const int MaxRows = 1000;

    // No '<' or '&' in the style sheet: the page stays parseable as XML.
    private const string Style = """
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; margin: 24px; color: #111827; background: #ffffff; }
        h1 { font-size: 22px; margin: 0 0 4px 0; }
        h2 { font-size: 17px; margin: 28px 0 8px 0; }
        .subtitle { color: #4b5563; margin: 0 0 12px 0; }
        .notes { color: #4b5563; font-size: 13px; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #e5e7eb; text-align: right; white-space: nowrap; }
        th { background: #f3f4f6; }
        td.label, th.label { text-align: left; }
        .summary { columns: 3 300px; column-gap: 24px; }
        .summary div { display: flex; justify-content: space-between; border-bottom: 1px solid #e5e7eb; padding: 3px 0; font-size: 13px; break-inside: avoid; }
        .win { color: #16a34a; }
        .loss { color: #dc2626; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; font-size: 11px; }
        svg.chart text { fill: #374151; }
        svg.chart text.title { font-size: 13px; font-weight: 600; }
        """;

    /// <summary>The page as UTF-8 bytes.</summary>
    public static byte[] ToUtf8(PerformanceReport report) => Encoding.UTF8.GetBytes(ToHtml(report));

    /// <summary>The page as text.</summary>
    public static string ToHtml(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
        HtmlText.Append(html, report.Title).Append(" · performance report</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<h1>");
        HtmlText.Append(html, report.Title).Append("</h1>\n<p class=\"subtitle\">");
        HtmlText.Append(html, report.Subtitle).Append("</p>\n");
        if (report.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in report.Notes)
            {
                HtmlText.Append(html.Append("<li>"), note).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        Summary(html, report);
        Charts(html, report);
        if (report.Table is { } table)
        {
            Table(html, table);
        }

        Trades(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, PerformanceReport report)
    {
        html.Append("<h2>Summary</h2>\n<div class=\"summary\">\n");
        foreach (var figure in report.Summary)
        {
            html.Append("<div><span>");
            HtmlText.Append(html, figure.Label).Append("</span><span>");
            HtmlText.Append(html, figure.Text ?? Number(figure.Number)).Append("</span></div>\n");
        }

        html.Append("</div>\n");
    }

    private static void Charts(StringBuilder html, PerformanceReport report)
    {
        html.Append("<h2>Charts</h2>\n");
        if (report.Curve.Count > 0)
        {
            SvgCharts.EquityAndBalance(html, report.Curve);
            SvgCharts.Drawdown(html, report.Curve);
        }

        if (report.MonthlyReturns.Count > 0)
        {
            SvgCharts.MonthlyHeatmap(html, report.MonthlyReturns, report.YearlyReturns);
        }

        if (report.Histogram.Counts.Count > 0)
        {
            SvgCharts.Histogram(html, report.Histogram);
        }

        if (SvgCharts.MainSymbol(report.Prices, report.Trades) is { } symbol)
        {
            SvgCharts.Trades(html, symbol, report.Prices, report.Trades);
        }
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        HtmlText.Append(html.Append("<h2>"), table.Title).Append("</h2>\n");
        Shown(html, table.Rows.Count, "rows");
        html.Append("<table>\n<thead><tr><th>#</th>");
        foreach (var column in table.Columns)
        {
            HtmlText.Append(html.Append("<th>"), column).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < Math.Min(table.Rows.Count, MaxRows); r++)
        {
            html.Append("<tr><td>").Append((r + 1).ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var value in table.Rows[r])
            {
                html.Append("<td>").Append(Number(value)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Trades(StringBuilder html, PerformanceReport report)
    {
        html.Append("<h2>Trades</h2>\n");
        Shown(html, report.Trades.Count, "trades");
        if (report.Trades.Count == 0)
        {
            return;
        }

        html.Append("<table>\n<thead><tr><th>#</th><th class=\"label\">Symbol</th><th class=\"label\">Side</th><th>Size</th>")
            .Append("<th class=\"label\">Entry time</th><th>Entry price</th><th class=\"label\">Exit time</th><th>Exit price</th>")
            .Append("<th>Profit</th><th>Return [%]</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < Math.Min(report.Trades.Count, MaxRows); i++)
        {
            var t = report.Trades[i];
            html.Append("<tr class=\"").Append(t.Profit >= 0 ? "win" : "loss").Append("\"><td>").Append((i + 1).ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"label\">");
            HtmlText.Append(html, t.Symbol).Append("</td><td class=\"label\">").Append(t.Size >= 0 ? "long" : "short").Append("</td><td>")
                .Append(Number(Math.Abs(t.Size))).Append("</td><td class=\"label\">").Append(PerformanceReports.IsoTime(t.EntryTimeMs)).Append("</td><td>")
                .Append(Price(t.EntryPrice)).Append("</td><td class=\"label\">").Append(t.ExitTimeMs is { } exit ? PerformanceReports.IsoTime(exit) : "open")
                .Append("</td><td>").Append(t.ExitPrice is { } price ? Price(price) : "").Append("</td><td>").Append(Number(t.Profit)).Append("</td><td>")
                .Append(Number(t.ReturnPct)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Shown(StringBuilder html, int count, string what)
    {
        var text = count > MaxRows
            ? string.Create(CultureInfo.InvariantCulture, $"The first {MaxRows} of {count} {what} (the JSON report lists them all).")
            : string.Create(CultureInfo.InvariantCulture, $"{count} {what}.");
        html.Append("<p class=\"notes\">").Append(text).Append("</p>\n");
    }

    private static string Number(double? value) => value switch
    {
        null => "n/a",
        { } v when !double.IsFinite(v) => "n/a",
        { } v when Math.Abs(v) >= 1000 => v.ToString("#,0.00", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static string Price(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
