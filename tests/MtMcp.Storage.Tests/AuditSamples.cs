using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MtMcp.Storage.Tests;

/// <summary>A clock the test sets.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Audit logs written through the journal, and the raw SQL an attacker with write access to the file would run.</summary>
internal static class AuditSamples
{
    public static readonly byte[] Key = "unit-test-audit-key-0123456789ab"u8.ToArray();

    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(Samples.T0);

    private static readonly string[] s_kinds = ["order_intent", "risk_decision", "trade_result"];

    public static AuditOptions Options(TimeProvider clock, byte[]? key = null, int everyRecords = 10, string? anchor = null) => new()
    {
        Key = key ?? Key,
        Time = clock,
        CheckpointEveryRecords = everyRecords,
        CheckpointEvery = TimeSpan.FromDays(1),
        AnchorPath = anchor,
    };

    /// <summary>A step that books balance deal <paramref name="deal"/> and carries <paramref name="records"/> in its audit.</summary>
    public static AccountChanges Step(ulong deal, params AuditRecord[] records)
    {
        var changes = new AccountChanges { Balance = 10_000m + deal, NextTicket = deal + 1, TimeMs = Samples.T0 + 1 };
        changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, Samples.T0 + 1, Deal: new Deal { Ticket = deal, Type = DealType.Balance, Profit = deal, TimeMs = Samples.T0 + 1 }));
        foreach (var record in records)
        {
            changes.AddAudit(record);
        }

        return changes;
    }

    /// <summary>Record n (1-based): its payload names it (<c>r017</c>), every 4th has a client order id.</summary>
    public static AuditRecord Record(int n, string account = "main") => new(
        s_kinds[n % 3],
        Samples.T0 + n * 1000L,
        account,
        n % 2 == 0 ? "key-even" : "key-odd",
        "mcp:place_order",
        n % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"c-{n}") : null,
        string.Create(CultureInfo.InvariantCulture, $"{{\"note\":\"r{n:D3}\",\"volume\":0.1}}"));

    /// <summary>
    /// Writes records 1..<paramref name="count"/> to a new journal at <paramref name="path"/>: the first 5 with AppendAudit,
    /// the rest with account steps of 5, the clock one second further each step; closes it (which seals the log).
    /// </summary>
    public static void Build(string path, int count, byte[]? key = null, int everyRecords = 10)
    {
        var clock = new ManualClock(Start);
        using var journal = new SqliteTradingJournal(path, JournalDurability.ProcessCrashSafe, Options(clock, key, everyRecords));
        Append(journal, clock, 1, count);
    }

    /// <summary>Appends records <paramref name="first"/>..<paramref name="last"/> (creating the account first if needed).</summary>
    public static void Append(SqliteTradingJournal journal, ManualClock clock, int first, int last)
    {
        if (journal.Load("main") is null)
        {
            journal.Save("main", Samples.NewAccount());
        }

        for (var n = first; n <= last; n += 5)
        {
            var batch = Enumerable.Range(n, Math.Min(5, last - n + 1)).Select(i => Record(i)).ToList();
            if (n == 1)
            {
                journal.AppendAudit(batch);
            }
            else
            {
                var changes = new AccountChanges { Balance = 10_000m, NextTicket = 2, TimeMs = Samples.T0 + n };
                foreach (var record in batch)
                {
                    changes.AddAudit(record);
                }

                journal.Commit("main", changes);
            }

            clock.Now += TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>Runs SQL on the file as an attacker would: the append-only triggers dropped first.</summary>
    public static void Tamper(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = string.Join(" ", Sqlite.AuditRows.Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t};")) + sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Re-chains the log from record <paramref name="from"/> on as an attacker who knows the (public) hash format
    /// would: every prev_hash and hash up to <paramref name="to"/> recomputed, so the chain itself is consistent again.
    /// </summary>
    public static void Rechain(string path, long from, long to = long.MaxValue)
    {
        using var connection = Open(path);
        var rows = new List<(long Seq, long RecordedUs, AuditRecord Record)>();
        byte[] previous;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT hash FROM audit_log WHERE seq = $s;";
            command.Parameters.AddWithValue("$s", from - 1);
            previous = from == 1 ? AuditChain.Genesis.ToArray() : (byte[])command.ExecuteScalar()!;
            command.CommandText = "SELECT seq, recorded_us, time_ms, kind, account, actor, channel, client_order_id, payload FROM audit_log WHERE seq >= $s AND seq <= $t ORDER BY seq;";
            command.Parameters["$s"].Value = from;
            command.Parameters.AddWithValue("$t", to);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), new AuditRecord(
                    reader.GetString(3), reader.GetInt64(2), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8))));
            }
        }

        var chain = new AuditChain();
        var hash = new byte[AuditChain.HashBytes];
        Tamper(path, "");
        foreach (var (seq, recordedUs, record) in rows)
        {
            chain.Hash(seq, previous, recordedUs, record, hash);
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_log SET prev_hash = $p, hash = $h WHERE seq = $s;";
            update.Parameters.AddWithValue("$p", previous);
            update.Parameters.AddWithValue("$h", hash.ToArray());
            update.Parameters.AddWithValue("$s", seq);
            update.ExecuteNonQuery();
            previous = hash.ToArray();
        }
    }

    public static string Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
