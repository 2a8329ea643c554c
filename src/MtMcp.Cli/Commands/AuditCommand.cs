using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MtMcp.Storage;

namespace MtMcp.Cli.Commands;

/// <summary>
/// <c>mtmcp audit</c>: the tamper-evident audit log of the paper accounts' journal (<c>&lt;data-dir&gt;/paper/accounts.db</c>):
/// <c>verify</c> recomputes the hash chain and checks the signed checkpoints; <c>log</c> lists records.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Exit code of <c>audit verify</c> when the log was tampered with.</summary>
    public const int Tampered = 1;

    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("audit", "Verify and read the tamper-evident audit log of the paper accounts.");
        command.Subcommands.Add(Verify(globals));
        command.Subcommands.Add(Log(globals));
        return command;
    }

    private static Command Verify(GlobalOptions globals)
    {
        var keyEnv = new Option<string>("--key-env")
        {
            Description = "Environment variable holding the checkpoint key (its value is never printed).",
            DefaultValueFactory = _ => AuditOptions.KeyVariable,
        };
        var anchor = new Option<FileInfo?>("--anchor") { Description = "The anchor file (default: accounts.db.audit-anchor next to the journal)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("verify", "Recompute the audit chain and check its signed checkpoints; exit code 1 names the first bad record.")
        {
            keyEnv, anchor, json,
        };
        CommandAction.Set(command, async (result, _) =>
        {
            var variable = result.GetValue(keyEnv)!;
            var key = ReadKey(variable);

            var path = JournalPath(globals, result);
            var verification = Storage(() => AuditVerifier.Verify(path, key, result.GetValue(anchor)?.FullName));
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync(result.GetValue(json) ? ToJson(verification) : ToText(verification, variable)).ConfigureAwait(false);
            return verification.IsIntact ? 0 : Tampered;
        });
        return command;
    }

    private static Command Log(GlobalOptions globals)
    {
        var account = new Option<string?>("--account") { Description = "Only this account." };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (API key id, OAuth subject, strategy id, local, venue)." };
        var kind = new Option<string?>("--kind") { Description = "Only this kind: order_intent, risk_decision, trade_result, deal, order_final, balance, account, …" };
        var clientOrderId = new Option<string?>("--client-order-id") { Description = "Only records of this client order id." };
        var from = new Option<string?>("--from") { Description = "Events at or after this UTC time: 2025-01-02 or 2025-01-02T12:00:00Z." };
        var to = new Option<string?>("--to") { Description = "Events before this UTC time (a date alone includes that whole day)." };
        var after = new Option<long>("--after") { Description = "Only records after this sequence number (paging)." };
        var limit = new Option<int>("--limit", "-n") { Description = $"At most this many records (1 to {AuditLog.MaxLimit}).", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print JSON (one array; payloads as JSON objects)." };
        var command = new Command("log", "List audit records in sequence order, filtered.")
        {
            account, actor, kind, clientOrderId, from, to, after, limit, json,
        };
        CommandAction.Set(command, async (result, _) =>
        {
            var query = new AuditQuery
            {
                Account = result.GetValue(account),
                Actor = result.GetValue(actor),
                Kind = result.GetValue(kind),
                ClientOrderId = result.GetValue(clientOrderId),
                FromMs = ParseTime(result.GetValue(from), "--from", endOfDay: false),
                ToMs = ParseTime(result.GetValue(to), "--to", endOfDay: true),
                AfterSequence = result.GetValue(after),
                Limit = result.GetValue(limit),
            };
            if (query.Limit is < 1 or > AuditLog.MaxLimit)
            {
                throw new UserErrorException($"--limit must be between 1 and {AuditLog.MaxLimit}, not {query.Limit.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (query is { FromMs: { } start, ToMs: { } end } && end <= start)
            {
                throw new UserErrorException("--to must be after --from.");
            }

            var path = JournalPath(globals, result);
            var entries = Storage(() =>
            {
                using var log = AuditLog.Open(path);
                return log.Read(query);
            });
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(ToJson(entries)).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync($"{"SEQ",8}  {"TIME (UTC)",-24}  {"KIND",-14} {"ACCOUNT",-12} {"ACTOR",-12} {"CHANNEL",-18} {"CLIENT ORDER",-14} PAYLOAD").ConfigureAwait(false);
            foreach (var entry in entries)
            {
                var r = entry.Record;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.Sequence,8}  {Time(r.TimeMs),-24}  {r.Kind,-14} {r.Account,-12} {r.Actor,-12} {r.Channel,-18} {r.ClientOrderId ?? "-",-14} {r.Payload}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The audit key in the environment variable <paramref name="variable"/>, or null; a bad key is the user's error.</summary>
    internal static byte[]? ReadKey(string variable)
    {
        try
        {
            return AuditOptions.ReadKey(variable);
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException(error.Message.Split(" (Parameter", 2)[0]);
        }
    }

    internal static string JournalPath(GlobalOptions globals, ParseResult result) =>
        Path.Combine(globals.ResolveDataDirectory(result), "paper", "accounts.db");

    /// <summary>Storage failures of the audit readers are the user's to fix (wrong data directory, old file): a clear message.</summary>
    internal static T Storage<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (StorageException error)
        {
            throw new UserErrorException(error.Message);
        }
    }

    private static string ToText(AuditVerification v, string variable)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"{(v.IsIntact ? "audit log intact" : "audit log TAMPERED")}: {v.Records} record(s), last #{v.LastSequence}");
        text.Append(inv, $", {v.Checkpoints} checkpoint(s){(v.LastCheckpoint is { } c ? string.Create(inv, $" (last seals #{c})") : "")}");
        text.Append(v.SignaturesChecked ? ", signatures checked" : $", signatures NOT checked (no key in ${variable})");
        text.AppendLine();
        if (v.LastHash is { } hash)
        {
            text.AppendLine($"head hash: {hash}");
        }

        if (v.FirstIssue is { } first)
        {
            text.AppendLine(string.Create(inv, $"first bad record: #{first.Sequence} ({first.Kind}): {first.Message}"));
            foreach (var issue in v.Issues.Skip(1))
            {
                text.AppendLine(string.Create(inv, $"  also #{issue.Sequence} ({issue.Kind}): {issue.Message}"));
            }
        }

        foreach (var warning in v.Warnings)
        {
            text.AppendLine($"warning: {warning}");
        }

        return text.ToString().TrimEnd();
    }

    private static string ToJson(AuditVerification v) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("intact", v.IsIntact);
        writer.WriteNumber("records", v.Records);
        writer.WriteNumber("last_sequence", v.LastSequence);
        writer.WriteString("last_hash", v.LastHash);
        writer.WriteNumber("checkpoints", v.Checkpoints);
        if (v.LastCheckpoint is { } last)
        {
            writer.WriteNumber("last_checkpoint", last);
        }

        writer.WriteBoolean("signatures_checked", v.SignaturesChecked);
        writer.WriteNumber("unsealed_records", v.UnsealedRecords);
        writer.WriteStartArray("issues");
        foreach (var issue in v.Issues)
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", issue.Sequence);
            writer.WriteString("kind", issue.Kind.ToString());
            writer.WriteString("message", issue.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in v.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static string ToJson(IReadOnlyList<AuditEntry> entries) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var entry in entries)
        {
            var r = entry.Record;
            writer.WriteStartObject();
            writer.WriteNumber("sequence", entry.Sequence);
            writer.WriteString("recorded_at", Time(entry.RecordedUs / 1000));
            writer.WriteString("time", Time(r.TimeMs));
            writer.WriteString("kind", r.Kind);
            writer.WriteString("account", r.Account);
            writer.WriteString("actor", r.Actor);
            writer.WriteString("channel", r.Channel);
            writer.WriteString("client_order_id", r.ClientOrderId);
            writer.WritePropertyName("payload");
            if (IsJson(r.Payload))
            {
                writer.WriteRawValue(r.Payload);
            }
            else
            {
                writer.WriteStringValue(r.Payload); // a tampered payload is shown as it is
            }

            writer.WriteString("hash", entry.Hash);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC date or time as Unix ms; a date alone for <c>--to</c> means the end of that day (exclusive: the next midnight).</summary>
    internal static long? ParseTime(string? text, string option, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            var start = new DateTimeOffset(day, TimeSpan.Zero);
            return (endOfDay ? start.AddDays(1) : start).ToUnixTimeMilliseconds();
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.ToUnixTimeMilliseconds();
        }

        throw new UserErrorException($"{option}: '{text}' is not a date or time. Use 2025-01-02 or 2025-01-02T12:00:00Z (UTC).");
    }
}
