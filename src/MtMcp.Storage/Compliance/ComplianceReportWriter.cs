using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MtMcp.Storage;

/// <summary>Writes a <see cref="ComplianceReport"/> as JSON, CSV or HTML (invariant numbers, ISO-8601 UTC times).</summary>
public static partial class ComplianceReportWriter
{
    private static readonly string[] s_transactionColumns =
    [
        "reference", "time_utc", "account", "instrument", "side", "quantity_lots", "price", "venue", "decision_maker",
        "executed_by", "channel", "client_order_id", "order", "deal", "entry", "audit_seq",
    ];

    /// <summary>
    /// CSV in sections, each a <c># name</c> line, a header row and its rows, separated by a blank line: <c>summary</c>,
    /// <c>transactions</c>, <c>rejections</c>, <c>limit_events_by_reason</c>, <c>limit_events</c>, <c>leverage</c>,
    /// <c>kill_switch</c>, <c>verification_issues</c>. Fields are quoted when needed (RFC 4180).
    /// </summary>
    public static string ToCsv(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        var v = report.Verification;
        Section(csv, "summary", ["from_utc", "to_utc", "account", "transactions", "rejections", "kill_switch_events", "audit_intact", "audit_records", "audit_signatures_checked"]);
        Row(csv, Time(report.FromMs), Time(report.ToMs), report.Account ?? "*", Int(report.Transactions.Count), Int(report.Rejections.Sum(r => r.Count)),
            Int(report.KillSwitchEvents.Count), Bool(v.IsIntact), Int(v.Records), Bool(v.SignaturesChecked));
        Section(csv, "transactions", s_transactionColumns);
        foreach (var t in report.Transactions)
        {
            Row(csv, t.Reference, Time(t.TimeMs), t.Account, t.Instrument, t.Side, t.Quantity.ToString(CultureInfo.InvariantCulture),
                t.Price.ToString("R", CultureInfo.InvariantCulture), t.Venue, t.DecisionMaker, t.ExecutedBy, t.Channel, t.ClientOrderId ?? "",
                t.Order.ToString(CultureInfo.InvariantCulture), t.Deal.ToString(CultureInfo.InvariantCulture), t.Entry, Int(t.Sequence));
        }

        Section(csv, "rejections", ["source", "reason", "count", "first_audit_seq"]);
        foreach (var r in report.Rejections)
        {
            Row(csv, r.Source, r.Reason, Int(r.Count), Int(r.FirstSequence));
        }

        Section(csv, "limit_events_by_reason", ["reason", "level", "count", "first_audit_seq"]);
        foreach (var c in report.LimitEventCounts)
        {
            Row(csv, c.Reason, c.Level, Int(c.Count), Int(c.FirstSequence));
        }

        Section(csv, "limit_events", ["audit_seq", "time_utc", "account", "reason", "level", "value", "limit", "flatten", "actor", "message"]);
        foreach (var e in report.LimitEvents)
        {
            Row(csv, Int(e.Sequence), Time(e.TimeMs), e.Account, e.Reason, e.Level, Number(e.Value), Number(e.Limit), Bool(e.Flatten), e.Actor, e.Message);
        }

        Section(csv, "leverage", ["account", "asset_class", "cap", "peak_ratio", "peak_time_utc", "end_ratio", "over_cap"]);
        foreach (var l in report.Leverage)
        {
            Row(csv, l.Account, l.AssetClass, Int(l.Cap), Number(l.PeakRatio), Time(l.PeakTimeMs), Number(l.EndRatio), Bool(l.OverCap));
        }

        Section(csv, "kill_switch", ["audit_seq", "time_utc", "account", "actor", "channel", "payload"]);
        foreach (var k in report.KillSwitchEvents)
        {
            Row(csv, Int(k.Sequence), Time(k.Record.TimeMs), k.Record.Account, k.Record.Actor, k.Record.Channel, k.Record.Payload);
        }

        Section(csv, "verification_issues", ["audit_seq", "kind", "message"]);
        foreach (var issue in v.Issues)
        {
            Row(csv, Int(issue.Sequence), issue.Kind.ToString(), issue.Message);
        }

        return csv.ToString();
    }

    /// <summary>
    /// One JSON object: <c>period</c>, <c>transactions</c>, <c>rejections</c>, <c>limit_events_by_reason</c>,
    /// <c>limit_events</c>, <c>leverage</c>, <c>kill_switch</c>, <c>verification</c>.
    /// </summary>
    public static string ToJson(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("period");
            w.WriteString("from_utc", Time(report.FromMs));
            w.WriteString("to_utc", Time(report.ToMs));
            w.WriteString("account", report.Account);
            w.WriteEndObject();
            w.WriteStartArray("transactions");
            foreach (var t in report.Transactions)
            {
                w.WriteStartObject();
                w.WriteString("reference", t.Reference);
                w.WriteString("time_utc", Time(t.TimeMs));
                w.WriteString("account", t.Account);
                w.WriteString("instrument", t.Instrument);
                w.WriteString("side", t.Side);
                w.WriteNumber("quantity_lots", t.Quantity);
                WriteNumberOrNull(w, "price", t.Price);

                w.WriteString("venue", t.Venue);
                w.WriteString("decision_maker", t.DecisionMaker);
                w.WriteString("executed_by", t.ExecutedBy);
                w.WriteString("channel", t.Channel);
                w.WriteString("client_order_id", t.ClientOrderId);
                w.WriteNumber("order", t.Order);
                w.WriteNumber("deal", t.Deal);
                w.WriteString("entry", t.Entry);
                w.WriteNumber("audit_seq", t.Sequence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rejections");
            foreach (var r in report.Rejections)
            {
                w.WriteStartObject();
                w.WriteString("source", r.Source);
                w.WriteString("reason", r.Reason);
                w.WriteNumber("count", r.Count);
                w.WriteNumber("first_audit_seq", r.FirstSequence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("limit_events_by_reason");
            foreach (var c in report.LimitEventCounts)
            {
                w.WriteStartObject();
                w.WriteString("reason", c.Reason);
                w.WriteString("level", c.Level);
                w.WriteNumber("count", c.Count);
                w.WriteNumber("first_audit_seq", c.FirstSequence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("limit_events");
            foreach (var e in report.LimitEvents)
            {
                w.WriteStartObject();
                w.WriteNumber("audit_seq", e.Sequence);
                w.WriteString("time_utc", Time(e.TimeMs));
                w.WriteString("account", e.Account);
                w.WriteString("reason", e.Reason);
                w.WriteString("level", e.Level);
                WriteNumberOrNull(w, "value", e.Value);
                WriteNumberOrNull(w, "limit", e.Limit);
                w.WriteBoolean("flatten", e.Flatten);
                w.WriteString("actor", e.Actor);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("leverage");
            foreach (var l in report.Leverage)
            {
                w.WriteStartObject();
                w.WriteString("account", l.Account);
                w.WriteString("asset_class", l.AssetClass);
                w.WriteNumber("cap", l.Cap);
                WriteNumberOrNull(w, "peak_ratio", l.PeakRatio);
                w.WriteString("peak_time_utc", Time(l.PeakTimeMs));
                WriteNumberOrNull(w, "end_ratio", l.EndRatio);
                w.WriteBoolean("over_cap", l.OverCap);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("kill_switch");
            foreach (var k in report.KillSwitchEvents)
            {
                w.WriteStartObject();
                w.WriteNumber("audit_seq", k.Sequence);
                w.WriteString("time_utc", Time(k.Record.TimeMs));
                w.WriteString("account", k.Record.Account);
                w.WriteString("actor", k.Record.Actor);
                w.WriteString("channel", k.Record.Channel);
                w.WriteString("payload", k.Record.Payload);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var v = report.Verification;
            w.WriteStartObject("verification");
            w.WriteBoolean("intact", v.IsIntact);
            w.WriteNumber("records", v.Records);
            w.WriteString("last_hash", v.LastHash);
            w.WriteBoolean("signatures_checked", v.SignaturesChecked);
            w.WriteNumber("unsealed_records", v.UnsealedRecords);
            w.WriteStartArray("issues");
            foreach (var issue in v.Issues)
            {
                w.WriteStartObject();
                w.WriteNumber("audit_seq", issue.Sequence);
                w.WriteString("kind", issue.Kind.ToString());
                w.WriteString("message", issue.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var warning in v.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Section(StringBuilder csv, string name, string[] columns)
    {
        if (csv.Length > 0)
        {
            csv.Append("\r\n");
        }

        csv.Append("# ").Append(name).Append("\r\n");
        Row(csv, columns);
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
