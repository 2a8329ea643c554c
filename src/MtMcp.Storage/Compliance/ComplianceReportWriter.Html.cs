using System.Globalization;
using System.Net;
using System.Text;

namespace MtMcp.Storage;

public static partial class ComplianceReportWriter
{
    // Inline and small: the file must open anywhere, offline, without fetching anything.
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1a1a1a;background:#fff}
        h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.25rem}
        p.meta{color:#555;margin:0 0 1rem}
        table{border-collapse:collapse;font-size:.85rem;margin:.25rem 0 1rem}
        th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3;font-weight:600}tr:nth-child(even) td{background:#fafafa}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.bad td{background:#fde8e8}tr.warn td{background:#fff6dd}
        .ok{color:#196c2e;font-weight:600}.fail{color:#b00020;font-weight:600}.none{color:#777;font-style:italic}
        code{font-size:.8rem;word-break:break-all}
        """;

    /// <summary>
    /// One self-contained HTML document (inline CSS, no scripts, no external resources) with the report's sections as
    /// tables: summary, audit verification, transactions, rejections by reason, limit events by reason and in order,
    /// leverage per asset class (rows over their cap marked), kill-switch events. Every value taken from the journal
    /// is HTML-escaped.
    /// </summary>
    public static string ToHtml(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var v = report.Verification;
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>Compliance report ").Append(Encode(report.Account ?? "all accounts")).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Compliance report</h1>\n<p class=\"meta\">Account ").Append(Encode(report.Account ?? "all")).Append(" · ")
            .Append(Time(report.FromMs)).Append(" to ").Append(Time(report.ToMs)).Append(" (UTC, end exclusive)</p>\n");

        Heading(html, "Summary");
        Table(html, ["Transactions", "Rejections", "Limit events", "Leverage over cap", "Kill-switch events", "Audit chain"],
        [
            [
                Int(report.Transactions.Count), Int(report.Rejections.Sum(r => r.Count)), Int(report.LimitEvents.Count),
                Int(report.Leverage.Count(l => l.OverCap)), Int(report.KillSwitchEvents.Count), v.IsIntact ? "intact" : "NOT INTACT",
            ],
        ]);

        Heading(html, "Audit chain verification");
        html.Append("<p><span class=\"").Append(v.IsIntact ? "ok\">Intact" : "fail\">Not intact").Append("</span>: ")
            .Append(Int(v.Records)).Append(" records, last hash <code>").Append(Encode(v.LastHash ?? "none")).Append("</code>, signatures ")
            .Append(v.SignaturesChecked ? "checked" : "not checked (no key)").Append(", ").Append(Int(v.UnsealedRecords)).Append(" records after the last checkpoint.</p>\n");
        Rows(html, ["Audit seq", "Kind", "Message"], v.Issues, i => [Int(i.Sequence), i.Kind.ToString(), i.Message], "No issues.");
        if (v.Warnings.Count > 0)
        {
            Rows(html, ["Warning"], v.Warnings, w => [w], "");
        }

        Heading(html, "Transactions (RTS 22)");
        Rows(html, ["Reference", "Time (UTC)", "Account", "Instrument", "Side", "Quantity (lots)", "Price", "Venue", "Decision maker", "Executed by", "Channel", "Client order id", "Order", "Deal", "Entry", "Audit seq"],
            report.Transactions,
            t => [t.Reference, Time(t.TimeMs), t.Account, t.Instrument, t.Side, t.Quantity.ToString(CultureInfo.InvariantCulture), Number(t.Price), t.Venue,
                t.DecisionMaker, t.ExecutedBy, t.Channel, t.ClientOrderId ?? "", Int((long)t.Order), Int((long)t.Deal), t.Entry, Int(t.Sequence)],
            "No transactions in the period.");

        Heading(html, "Rejections by reason");
        Rows(html, ["Source", "Reason", "Count", "First audit seq"], report.Rejections, r => [r.Source, r.Reason, Int(r.Count), Int(r.FirstSequence)], "No rejections in the period.");

        Heading(html, "Limit events by reason");
        Rows(html, ["Reason", "Level", "Count", "First audit seq"], report.LimitEventCounts, c => [c.Reason, c.Level, Int(c.Count), Int(c.FirstSequence)],
            "No limit events in the period.", c => c.Level == "breach" ? "bad" : c.Level == "warning" ? "warn" : null);
        if (report.LimitEvents.Count > 0)
        {
            Rows(html, ["Audit seq", "Time (UTC)", "Account", "Reason", "Level", "Value", "Limit", "Flattened", "Actor", "Message"], report.LimitEvents,
                e => [Int(e.Sequence), Time(e.TimeMs), e.Account, e.Reason, e.Level, Number(e.Value), Number(e.Limit), e.Flatten ? "yes" : "no", e.Actor, e.Message],
                "", e => e.Level == "breach" ? "bad" : e.Level == "warning" ? "warn" : null);
        }

        Heading(html, "Leverage per asset class");
        Rows(html, ["Account", "Asset class", "Cap (N:1)", "Peak exposure / equity", "Peak at (UTC)", "End exposure / equity", "Over cap"], report.Leverage,
            l => [l.Account, l.AssetClass, l.Cap > 0 ? Int(l.Cap) : "none", Ratio(l.PeakRatio), Time(l.PeakTimeMs), Ratio(l.EndRatio), l.OverCap ? "OVER" : "no"],
            "No exposure recorded up to the end of the period.", l => l.OverCap ? "bad" : null);

        Heading(html, "Kill-switch events");
        Rows(html, ["Audit seq", "Time (UTC)", "Account", "Actor", "Channel", "Details"], report.KillSwitchEvents,
            k => [Int(k.Sequence), Time(k.Record.TimeMs), k.Record.Account == "" ? "all (global)" : k.Record.Account, k.Record.Actor, k.Record.Channel, k.Record.Payload],
            "No kill-switch events in the period.");

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Heading(StringBuilder html, string text) => html.Append("<h2>").Append(text).Append("</h2>\n");

    private static void Rows<T>(StringBuilder html, string[] columns, IEnumerable<T> items, Func<T, string[]> cells, string empty, Func<T, string?>? rowClass = null)
    {
        var rows = new List<string[]>();
        var classes = new List<string?>();
        foreach (var item in items)
        {
            rows.Add(cells(item));
            classes.Add(rowClass?.Invoke(item));
        }

        if (rows.Count == 0)
        {
            if (empty.Length > 0)
            {
                html.Append("<p class=\"none\">").Append(Encode(empty)).Append("</p>\n");
            }

            return;
        }

        Table(html, columns, rows, classes);
    }

    private static void Table(StringBuilder html, string[] columns, List<string[]> rows, List<string?>? classes = null)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            html.Append(classes?[i] is { } css ? "<tr class=\"" + css + "\">" : "<tr>");
            foreach (var cell in rows[i])
            {
                html.Append(IsNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static bool IsNumeric(string cell) =>
        cell.Length > 0 && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.###", CultureInfo.InvariantCulture) + ":1" : "";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
