namespace MtMcp.Storage.Sqlite;

/// <summary>
/// The audit tables: <c>audit_log</c> (the hash chain) and <c>audit_checkpoints</c> (signed heads). Both are append-only
/// at the storage level: triggers abort every UPDATE and DELETE, and an INSERT at or before the last sequence number
/// (which also stops INSERT OR REPLACE from overwriting a record: REPLACE fires no delete trigger). The insert check is
/// kept to one primary-key lookup and only two indexes are kept (account + time, client order id): each costs about
/// a third of the append rate.
/// </summary>
internal static class AuditRows
{
    public const string Schema = """
        CREATE TABLE audit_log (
            seq             INTEGER PRIMARY KEY, -- 1, 2, 3, … without gaps
            recorded_us     INTEGER NOT NULL,    -- when appended, Unix µs UTC
            time_ms         INTEGER NOT NULL,    -- the event's time, Unix ms UTC
            kind            TEXT    NOT NULL,
            account         TEXT    NOT NULL,    -- empty for server-wide records
            actor           TEXT    NOT NULL,
            channel         TEXT    NOT NULL,
            client_order_id TEXT,
            payload         TEXT    NOT NULL,    -- canonical JSON
            prev_hash       BLOB    NOT NULL,    -- 32 bytes
            hash            BLOB    NOT NULL     -- SHA-256, see AuditChain
        );
        CREATE INDEX audit_by_account ON audit_log (account, time_ms);
        CREATE INDEX audit_by_client_order ON audit_log (client_order_id) WHERE client_order_id IS NOT NULL;
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be changed'); END;
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its records cannot be deleted'); END;
        CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
            WHEN NEW.seq <= (SELECT max(seq) FROM audit_log)
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a record must follow the last one'); END;
        CREATE TABLE audit_checkpoints (
            seq        INTEGER PRIMARY KEY, -- the last record sealed
            hash       BLOB    NOT NULL,    -- that record's hash
            created_us INTEGER NOT NULL,    -- Unix µs UTC
            key_id     TEXT    NOT NULL,    -- which key signed (not the key)
            mac        BLOB    NOT NULL     -- HMAC-SHA256, see AuditChain
        );
        CREATE TRIGGER audit_checkpoints_append_only_update BEFORE UPDATE ON audit_checkpoints
            BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only: they cannot be changed'); END;
        CREATE TRIGGER audit_checkpoints_append_only_delete BEFORE DELETE ON audit_checkpoints
            BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only: they cannot be deleted'); END;
        CREATE TRIGGER audit_checkpoints_append_only_insert BEFORE INSERT ON audit_checkpoints
            WHEN NEW.seq <= coalesce((SELECT max(seq) FROM audit_checkpoints), 0)
            BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only: a checkpoint must follow the last one'); END;
        """;

    /// <summary>The triggers <see cref="Schema"/> creates; the verifier warns when one is gone.</summary>
    public static readonly string[] Triggers =
    [
        "audit_log_append_only_update", "audit_log_append_only_delete", "audit_log_append_only_insert",
        "audit_checkpoints_append_only_update", "audit_checkpoints_append_only_delete", "audit_checkpoints_append_only_insert",
    ];

    public const string Insert =
        "INSERT INTO audit_log (seq, recorded_us, time_ms, kind, account, actor, channel, client_order_id, payload, prev_hash, hash) "
        + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10);";

    public const string Head = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;";

    public const string LastCheckpoint = "SELECT seq, created_us FROM audit_checkpoints ORDER BY seq DESC LIMIT 1;";

    public const string InsertCheckpoint =
        "INSERT INTO audit_checkpoints (seq, hash, created_us, key_id, mac) VALUES ($p0, $p1, $p2, $p3, $p4);";

    public const string SelectColumns =
        "seq, recorded_us, time_ms, kind, account, actor, channel, client_order_id, payload, prev_hash, hash";
}
