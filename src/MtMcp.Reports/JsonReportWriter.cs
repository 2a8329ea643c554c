using System.Text;
using System.Text.Json;

namespace MtMcp.Reports;

/// <summary>
/// Writes a report's figures as one JSON object (snake_case keys, times as ISO-8601 UTC, percentages in percent, null where
/// undefined). Deterministic: the same report gives the same bytes. Layout in docs/reports.md.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>The JSON document as UTF-8 bytes.</summary>
    /// <param name="report">The report.</param>
    /// <param name="includeSeries">False leaves out the per-point curve, the prices and the trade list (a compact answer for a model).</param>
    public static byte[] ToUtf8(PerformanceReport report, bool includeSeries = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, report, includeSeries);
        }

        return buffer.ToArray();
    }

    /// <summary>The JSON document as text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="includeSeries">False leaves out the per-point curve, the prices and the trade list.</param>
    public static string ToJson(PerformanceReport report, bool includeSeries = true) => Encoding.UTF8.GetString(ToUtf8(report, includeSeries));

    /// <summary>Writes the report as one JSON object.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="report">The report.</param>
    /// <param name="includeSeries">False leaves out the per-point curve, the prices and the trade list.</param>
    public static void Write(Utf8JsonWriter writer, PerformanceReport report, bool includeSeries = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("kind", report.Kind switch { ReportKind.Account => "account", ReportKind.Optimization => "optimization", _ => "backtest" });
        writer.WriteString("title", report.Title);
        writer.WriteString("subtitle", report.Subtitle);
        writer.WriteString("currency", report.Currency);
        writer.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        foreach (var figure in report.Summary)
        {
            if (figure.Text is { } text)
            {
                writer.WriteString(figure.Key, text);
            }
            else
            {
                Number(writer, figure.Key, figure.Number);
            }
        }

        writer.WriteEndObject();
        Returns(writer, "monthly_returns", report.MonthlyReturns);
        Returns(writer, "yearly_returns", report.YearlyReturns);
        writer.WriteStartObject("trade_histogram");
        Numbers(writer, "bin_edges_pct", report.Histogram.EdgesPct);
        writer.WriteStartArray("counts");
        foreach (var count in report.Histogram.Counts)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteNumber("trade_count", report.Trades.Count);
        if (report.Table is { } table)
        {
            writer.WriteStartObject("table");
            writer.WriteString("title", table.Title);
            writer.WriteStartArray("columns");
            foreach (var column in table.Columns)
            {
                writer.WriteStringValue(column);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rows");
            foreach (var row in table.Rows)
            {
                writer.WriteStartArray();
                foreach (var value in row)
                {
                    NumberValue(writer, value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (includeSeries)
        {
            Series(writer, report);
        }

        writer.WriteEndObject();
    }

    private static void Series(Utf8JsonWriter writer, PerformanceReport report)
    {
        var curve = report.Curve;
        writer.WriteStartObject("equity_curve");
        Times(writer, "times", curve.TimesMs);
        Numbers(writer, "equity", curve.Equity);
        Numbers(writer, "balance", curve.Balance);
        Numbers(writer, "drawdown_pct", curve.DrawdownPct);
        writer.WriteEndObject();
        writer.WriteStartArray("trades");
        foreach (var t in report.Trades)
        {
            writer.WriteStartObject();
            writer.WriteString("symbol", t.Symbol);
            writer.WriteString("side", t.Size >= 0 ? "long" : "short");
            Number(writer, "size", Math.Abs(t.Size));
            writer.WriteString("entry_time", PerformanceReports.IsoTime(t.EntryTimeMs));
            Number(writer, "entry_price", t.EntryPrice);
            writer.WriteString("exit_time", t.ExitTimeMs is { } exit ? PerformanceReports.IsoTime(exit) : null);
            Number(writer, "exit_price", t.ExitPrice);
            Number(writer, "profit", t.Profit);
            Number(writer, "return_pct", t.ReturnPct);
            writer.WriteBoolean("open", t.IsOpen);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Prices is { } prices)
        {
            writer.WriteStartObject("prices");
            writer.WriteString("symbol", prices.Symbol);
            Times(writer, "times", prices.TimesMs);
            Numbers(writer, "close", prices.Close);
            writer.WriteEndObject();
        }
    }

    private static void Returns(Utf8JsonWriter writer, string name, IReadOnlyList<PeriodReturn> returns)
    {
        writer.WriteStartArray(name);
        foreach (var r in returns)
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", r.Year);
            if (r.Month is { } month)
            {
                writer.WriteNumber("month", month);
            }

            Number(writer, "return_pct", r.ReturnPct);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Times(Utf8JsonWriter writer, string name, IReadOnlyList<long> timesMs)
    {
        writer.WriteStartArray(name);
        foreach (var t in timesMs)
        {
            writer.WriteStringValue(PerformanceReports.IsoTime(t));
        }

        writer.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            NumberValue(writer, v);
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        NumberValue(writer, value);
    }

    private static void NumberValue(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
