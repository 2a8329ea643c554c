using System.Globalization;
using System.Text.Json;

namespace MtMcp.Storage;

/// <summary>Builds <see cref="ComplianceReport"/>s from a journal's audit log.</summary>
public static class ComplianceReports
{
    private const int Page = 10_000;

    /// <summary>The report of <paramref name="account"/> (null = all) for [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    /// <param name="databasePath">The journal file.</param>
    /// <param name="fromMs">Start, Unix ms UTC (inclusive).</param>
    /// <param name="toMs">End, Unix ms UTC (exclusive).</param>
    /// <param name="account">One account, or null for all.</param>
    /// <param name="key">The audit key for the verification (null: signatures not checked).</param>
    /// <exception cref="ArgumentOutOfRangeException">The period ends before it starts.</exception>
    /// <exception cref="StorageException">The file is missing, not a journal, has no audit log, or cannot be read.</exception>
    public static ComplianceReport Build(string databasePath, long fromMs, long toMs, string? account = null, byte[]? key = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toMs, fromMs);
        var transactions = new List<TransactionReportRow>();
        var rejections = new Dictionary<(string Source, string Reason), RejectionCount>();
        var kills = new List<AuditEntry>();

        // Who created each order, from the results of requests (an order may be placed before the period and fill in it).
        var deciders = new Dictionary<(string Account, ulong Order), AuditEntry>();
        using (var log = AuditLog.Open(databasePath))
        {
            for (var after = 0L; ;)
            {
                var page = log.Read(new AuditQuery { Account = account, ToMs = toMs, AfterSequence = after, Limit = Page });
                foreach (var entry in page)
                {
                    Take(entry, fromMs, deciders, transactions, rejections, kills);
                }

                if (page.Count < Page)
                {
                    break;
                }

                after = page[^1].Sequence;
            }
        }

        return new ComplianceReport
        {
            FromMs = fromMs,
            ToMs = toMs,
            Account = account,
            Transactions = [.. transactions.OrderBy(t => t.TimeMs).ThenBy(t => t.Sequence)],
            Rejections = [.. rejections.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)],
            KillSwitchEvents = kills,
            Verification = AuditVerifier.Verify(databasePath, key),
        };
    }

    private static void Take(
        AuditEntry entry, long fromMs, Dictionary<(string, ulong), AuditEntry> deciders, List<TransactionReportRow> transactions,
        Dictionary<(string, string), RejectionCount> rejections, List<AuditEntry> kills)
    {
        var record = entry.Record;
        var inPeriod = record.TimeMs >= fromMs;
        switch (record.Kind)
        {
            case "trade_result":
                using (var payload = Parse(record.Payload))
                {
                    if (payload is null)
                    {
                        return;
                    }

                    var root = payload.RootElement;
                    if (UInt64(root, "order") is var order and > 0 && !deciders.ContainsKey((record.Account, order)))
                    {
                        deciders[(record.Account, order)] = entry;
                    }

                    // A refusal by the gate is counted from its risk_decision; here only the venue's own rejections.
                    if (inPeriod && Text(root, "outcome") == "Rejected" && Text(root, "risk_check") is null)
                    {
                        Count(rejections, "venue", string.Create(CultureInfo.InvariantCulture, $"{UInt64(root, "retcode")} {Text(root, "message")}"), entry.Sequence);
                    }
                }

                return;
            case "risk_decision" when inPeriod:
                using (var payload = Parse(record.Payload))
                {
                    if (payload is not null && payload.RootElement.TryGetProperty("allowed", out var allowed) && allowed.ValueKind == JsonValueKind.False)
                    {
                        Count(rejections, "risk_gate", Text(payload.RootElement, "check") ?? "unknown", entry.Sequence);
                    }
                }

                return;
            case "kill_switch" when inPeriod:
                kills.Add(entry);
                return;
            case "deal" when inPeriod:
                using (var payload = Parse(record.Payload))
                {
                    if (payload is null || Text(payload.RootElement, "type") is not ("Buy" or "Sell") || !TryDecimal(payload.RootElement, "volume", out var volume))
                    {
                        return;
                    }

                    var root = payload.RootElement;
                    var (order, deal) = (UInt64(root, "order"), UInt64(root, "ticket"));
                    var decider = deciders.TryGetValue((record.Account, order), out var placed) ? placed.Record : record;
                    transactions.Add(new TransactionReportRow(
                        string.Create(CultureInfo.InvariantCulture, $"{record.Account}-{deal}"), record.TimeMs, record.Account,
                        Text(root, "symbol") ?? "", Text(root, "type") == "Buy" ? "BUY" : "SELL", volume,
                        root.TryGetProperty("price", out var price) && price.ValueKind == JsonValueKind.Number ? price.GetDouble() : double.NaN,
                        "XOFF", decider.Actor, record.Actor, decider.Channel, decider.ClientOrderId, order, deal, Text(root, "entry") ?? "", entry.Sequence));
                }

                return;
            default:
                return;
        }
    }

    private static void Count(Dictionary<(string, string), RejectionCount> rejections, string source, string reason, long sequence) =>
        rejections[(source, reason)] = rejections.TryGetValue((source, reason), out var seen)
            ? seen with { Count = seen.Count + 1 }
            : new RejectionCount(source, reason, 1, sequence);

    /// <summary>The payload, or null when it is not a JSON object (a tampered record: the verification reports it).</summary>
    private static JsonDocument? Parse(string payload)
    {
        try
        {
            var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ulong UInt64(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number) ? number : 0;

    private static bool TryDecimal(JsonElement root, string name, out decimal number)
    {
        number = 0;
        return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number);
    }
}
