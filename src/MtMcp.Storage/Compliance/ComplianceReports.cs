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
        var collector = new Collector(fromMs);
        using (var log = AuditLog.Open(databasePath))
        {
            // From the start of the chain: orders placed and exposure held before the period matter in it.
            for (var after = 0L; ;)
            {
                var page = log.Read(new AuditQuery { Account = account, ToMs = toMs, AfterSequence = after, Limit = Page });
                foreach (var entry in page)
                {
                    collector.Take(entry);
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
            Transactions = [.. collector.Transactions.OrderBy(t => t.TimeMs).ThenBy(t => t.Sequence)],
            Rejections = [.. collector.Rejections.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)],
            KillSwitchEvents = collector.Kills,
            LimitEvents = collector.LimitEvents,
            LimitEventCounts =
            [
                .. collector.LimitEvents
                    .GroupBy(e => (e.Reason, e.Level))
                    .Select(g => new LimitEventCount(g.Key.Reason, g.Key.Level, g.Count(), g.First().Sequence))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Reason, StringComparer.Ordinal).ThenBy(c => c.Level, StringComparer.Ordinal),
            ],
            Leverage = collector.Leverage(),
            Verification = AuditVerifier.Verify(databasePath, key),
        };
    }

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

    private static double Double(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    private static bool Bool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static bool TryDecimal(JsonElement root, string name, out decimal number)
    {
        number = 0;
        return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number);
    }

    /// <summary>Reads the chain in order and keeps what the report needs.</summary>
    private sealed class Collector(long fromMs)
    {
        // Who created each order, from the results of requests (an order may be placed before the period and fill in it).
        private readonly Dictionary<(string Account, ulong Order), AuditEntry> _deciders = [];

        // Exposure-to-equity per account and class: the latest sample, and the period's peak once the period began.
        private readonly SortedDictionary<string, AccountLeverage> _leverage = new(StringComparer.Ordinal);

        public List<TransactionReportRow> Transactions { get; } = [];

        public Dictionary<(string Source, string Reason), RejectionCount> Rejections { get; } = [];

        public List<AuditEntry> Kills { get; } = [];

        public List<LimitEvent> LimitEvents { get; } = [];

        public void Take(AuditEntry entry)
        {
            var record = entry.Record;
            var inPeriod = record.TimeMs >= fromMs;
            switch (record.Kind)
            {
                case "trade_result":
                    TakeResult(entry, inPeriod);
                    return;
                case "risk_decision" when inPeriod:
                    using (var payload = Parse(record.Payload))
                    {
                        if (payload is not null && payload.RootElement.TryGetProperty("allowed", out var allowed) && allowed.ValueKind == JsonValueKind.False)
                        {
                            Count("risk_gate", Text(payload.RootElement, "check") ?? "unknown", entry.Sequence);
                        }
                    }

                    return;
                case "kill_switch" when inPeriod:
                    Kills.Add(entry);
                    using (var payload = Parse(record.Payload))
                    {
                        var root = payload?.RootElement;
                        LimitEvents.Add(new LimitEvent(entry.Sequence, record.TimeMs, record.Account, "kill_switch",
                            root is { } r ? Text(r, "action") ?? "unknown" : "unknown", double.NaN, double.NaN,
                            root is { } c && Bool(c, "close_positions"), record.Actor, root is { } m ? Text(m, "reason") ?? "" : ""));
                    }

                    return;
                case "risk_breach" when inPeriod:
                    using (var payload = Parse(record.Payload))
                    {
                        if (payload is not null)
                        {
                            var root = payload.RootElement;
                            LimitEvents.Add(new LimitEvent(entry.Sequence, record.TimeMs, record.Account, Text(root, "check") ?? "unknown",
                                Text(root, "level") ?? "breach", Double(root, "value"), Double(root, "limit"), Bool(root, "flatten"),
                                Text(root, "actor") ?? "", Text(root, "message") ?? ""));
                        }
                    }

                    return;
                case "exposure":
                    TakeExposure(record);
                    return;
                case "deal" when inPeriod:
                    TakeDeal(entry);
                    return;
                default:
                    return;
            }
        }

        public List<LeverageUse> Leverage()
        {
            var uses = new List<LeverageUse>();
            foreach (var (account, leverage) in _leverage)
            {
                leverage.Begin(fromMs);
                foreach (var (assetClass, use) in leverage.Classes)
                {
                    uses.Add(new LeverageUse(account, assetClass, use.Cap, use.Peak, use.PeakTimeMs, use.Current, use.Cap > 0 && use.Peak > use.Cap));
                }
            }

            return uses;
        }

        private void TakeResult(AuditEntry entry, bool inPeriod)
        {
            var record = entry.Record;
            using var payload = Parse(record.Payload);
            if (payload is null)
            {
                return;
            }

            var root = payload.RootElement;
            if (UInt64(root, "order") is var order and > 0 && !_deciders.ContainsKey((record.Account, order)))
            {
                _deciders[(record.Account, order)] = entry;
            }

            // A refusal by the gate is counted from its risk_decision; here only the venue's own rejections.
            if (inPeriod && Text(root, "outcome") == "Rejected" && Text(root, "risk_check") is null)
            {
                Count("venue", string.Create(CultureInfo.InvariantCulture, $"{UInt64(root, "retcode")} {Text(root, "message")}"), entry.Sequence);
            }
        }

        private void TakeDeal(AuditEntry entry)
        {
            var record = entry.Record;
            using var payload = Parse(record.Payload);
            if (payload is null || Text(payload.RootElement, "type") is not ("Buy" or "Sell") || !TryDecimal(payload.RootElement, "volume", out var volume))
            {
                return;
            }

            var root = payload.RootElement;
            var (order, deal) = (UInt64(root, "order"), UInt64(root, "ticket"));
            var decider = _deciders.TryGetValue((record.Account, order), out var placed) ? placed.Record : record;
            Transactions.Add(new TransactionReportRow(
                string.Create(CultureInfo.InvariantCulture, $"{record.Account}-{deal}"), record.TimeMs, record.Account,
                Text(root, "symbol") ?? "", Text(root, "type") == "Buy" ? "BUY" : "SELL", volume, Double(root, "price"),
                "XOFF", decider.Actor, record.Actor, decider.Channel, decider.ClientOrderId, order, deal, Text(root, "entry") ?? "", entry.Sequence));
        }

        private void TakeExposure(AuditRecord record)
        {
            using var payload = Parse(record.Payload);
            if (payload is null || !payload.RootElement.TryGetProperty("classes", out var classes) || classes.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var equity = Double(payload.RootElement, "equity");
            if (!_leverage.TryGetValue(record.Account, out var leverage))
            {
                _leverage[record.Account] = leverage = new AccountLeverage();
            }

            if (record.TimeMs >= fromMs)
            {
                leverage.Begin(fromMs);
            }

            // A sample is the whole account: a class it does not list holds nothing now.
            foreach (var use in leverage.Classes.Values)
            {
                use.Current = 0;
            }

            foreach (var item in classes.EnumerateObject())
            {
                if (!leverage.Classes.TryGetValue(item.Name, out var use))
                {
                    leverage.Classes[item.Name] = use = new ClassLeverage();
                }

                var exposure = item.Value.ValueKind == JsonValueKind.Object ? Double(item.Value, "exposure") : double.NaN;
                use.Current = equity > 0 ? exposure / equity : double.PositiveInfinity;
                use.Cap = item.Value.ValueKind == JsonValueKind.Object && item.Value.TryGetProperty("cap", out var cap) && cap.TryGetInt32(out var n) ? n : 0;
                if (leverage.Begun && !(use.Current <= use.Peak))
                {
                    (use.Peak, use.PeakTimeMs) = (use.Current, record.TimeMs);
                }
            }
        }

        private void Count(string source, string reason, long sequence) =>
            Rejections[(source, reason)] = Rejections.TryGetValue((source, reason), out var seen)
                ? seen with { Count = seen.Count + 1 }
                : new RejectionCount(source, reason, 1, sequence);
    }

    private sealed class AccountLeverage
    {
        public SortedDictionary<string, ClassLeverage> Classes { get; } = new(StringComparer.Ordinal);

        public bool Begun { get; private set; }

        /// <summary>Enters the period: what the account held when it began is its first sample.</summary>
        public void Begin(long fromMs)
        {
            if (Begun)
            {
                return;
            }

            Begun = true;
            foreach (var use in Classes.Values)
            {
                (use.Peak, use.PeakTimeMs) = (use.Current, fromMs);
            }
        }
    }

    private sealed class ClassLeverage
    {
        public double Current { get; set; }

        public int Cap { get; set; }

        public double Peak { get; set; }

        public long PeakTimeMs { get; set; }
    }
}
