using System.Text;

namespace MtMcp.Storage;

/// <summary>
/// How the journal keeps its audit chain: the key that signs checkpoints and how often they are written.
/// </summary>
/// <remarks>
/// The key is a secret: it is never written to the database, a log or a message (only a short key id derived from it).
/// Without a key the chain is still kept and verified, but no checkpoints are written, so truncating the end of the
/// log cannot be detected.
/// </remarks>
public sealed record AuditOptions
{
    /// <summary>The environment variable the key is read from by default.</summary>
    public const string KeyVariable = "MTMCP_AUDIT_KEY";

    /// <summary>The shortest key accepted, in bytes (UTF-8 of the configured text).</summary>
    public const int MinimumKeyBytes = 16;

    private readonly byte[]? _key;

    /// <summary>The HMAC-SHA256 key that signs checkpoints (at least <see cref="MinimumKeyBytes"/> bytes), or null for none.</summary>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyBytes"/> bytes.</exception>
    public byte[]? Key
    {
        get => _key;
        init
        {
            if (value is { Length: < MinimumKeyBytes })
            {
                throw new ArgumentException(
                    $"The audit key has {value.Length} bytes; it needs at least {MinimumKeyBytes} (use e.g. 32 random bytes in base64).", nameof(value));
            }

            _key = value;
        }
    }

    /// <summary>A checkpoint is written once this many records were appended since the last one (default 1000).</summary>
    public int CheckpointEveryRecords { get; init; } = 1000;

    /// <summary>A checkpoint is also written by the first append this long after the last one (default 60 s).</summary>
    public TimeSpan CheckpointEvery { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where the latest checkpoint is also written (a small JSON file, replaced atomically), ideally outside the database's
    /// trust domain; null = <c>&lt;database&gt;.audit-anchor</c> next to the database. Used only with a key.
    /// </summary>
    public string? AnchorPath { get; init; }

    /// <summary>The clock of the records' UTC append time (the composition root passes the system clock).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>
    /// Options with the key read from the environment variable <paramref name="variable"/> (no key when it is unset or empty).
    /// </summary>
    /// <exception cref="ArgumentException">The variable holds a key shorter than <see cref="MinimumKeyBytes"/> bytes.</exception>
    public static AuditOptions FromEnvironment(TimeProvider time, string variable = KeyVariable)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return new AuditOptions { Key = ReadKey(variable), Time = time };
    }

    /// <summary>The key held by the environment variable <paramref name="variable"/> (its UTF-8 bytes), or null when unset or empty.</summary>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyBytes"/> bytes; the message never shows it.</exception>
    public static byte[]? ReadKey(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var key = Encoding.UTF8.GetBytes(text);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"The audit key in ${variable} has {key.Length} bytes; it needs at least {MinimumKeyBytes} (use e.g. 32 random bytes in base64).",
                nameof(variable));
        }

        return key;
    }
}
