using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MtMcp.DemoMarket.Model;

/// <summary>
/// Weekly saved states of the whole market's walk, built on demand, so a query far after the start walks
/// the market there once and every later query (another symbol, the live stream) starts from the nearest
/// checkpoint instead of from the start. With a directory, the checkpoints are also kept in a file there,
/// so the next process resumes the walk near where this one left it.
/// </summary>
/// <remarks>
/// <para>
/// The file is a cache: it holds the exact states the walk would reach (a restored process continues bit-identically),
/// and it is used only when its fingerprint matches the walk's inputs (the model's sources and drivers, its start and
/// the generator's build) and its checksum matches its content; otherwise, or when it cannot be read or written, the
/// walk is simply computed.
/// </para>
/// <para>Thread-safe: building, loading and saving are serialised by a lock; checkpoints are immutable once taken.</para>
/// </remarks>
internal sealed class WalkCheckpoints
{
    /// <summary>The file the checkpoints are kept in, inside the directory given.</summary>
    public const string FileName = "walk-checkpoints.bin";

    private const long Interval = 7 * 1440;
    private const int FormatVersion = 1;
    private const int HashSize = 32;
    private static readonly byte[] s_magic = "MTMCPWLK"u8.ToArray();

    private readonly MarketModel _model;
    private readonly string? _path;
    private readonly List<MarketProcess.Checkpoint> _checkpoints = [];
    private readonly Lock _lock = new();
    private readonly int[] _allSources;
    private readonly int[] _allDrivers;
    private MarketProcess? _walker;
    private byte[]? _fingerprint;

    /// <summary>Checkpoints of <paramref name="model"/>'s walk, kept in <paramref name="directory"/> when one is given.</summary>
    public WalkCheckpoints(MarketModel model, string? directory = null)
    {
        _model = model;
        _path = directory is null ? null : Path.Combine(directory, FileName);
        _allSources = Enumerable.Range(0, model.Sources.Length).ToArray();
        _allDrivers = Enumerable.Range(0, model.Drivers.Length).ToArray();
    }

    /// <summary>Every source of the model.</summary>
    public int[] AllSources => _allSources;

    /// <summary>Every driver of the model.</summary>
    public int[] AllDrivers => _allDrivers;

    /// <summary>
    /// A process stepping <paramref name="sources"/> and <paramref name="drivers"/>, positioned at the latest
    /// checkpoint at or before <paramref name="minute"/> (the caller then advances it).
    /// </summary>
    public MarketProcess ProcessAt(long minute, int[] sources, int[] drivers)
    {
        var index = (minute - (_model.StartMinute - 1)) / Interval;
        if (index < 1)
        {
            return new MarketProcess(_model, sources, drivers);
        }

        MarketProcess.Checkpoint checkpoint;
        lock (_lock)
        {
            if (_path is not null && _fingerprint is null)
            {
                _fingerprint = Fingerprint(_model);
                Load(_path, _fingerprint);
            }

            if (_checkpoints.Count < index)
            {
                _walker ??= _checkpoints.Count == 0
                    ? new MarketProcess(_model, _allSources, _allDrivers)
                    : new MarketProcess(_model, _allSources, _allDrivers, _checkpoints[^1]);
                while (_checkpoints.Count < index)
                {
                    _walker.AdvanceTo(CheckpointMinute(_checkpoints.Count));
                    _checkpoints.Add(_walker.Save());
                }

                if (_path is not null)
                {
                    Save(_path, _fingerprint!);
                }
            }

            checkpoint = _checkpoints[(int)index - 1];
        }

        return new MarketProcess(_model, sources, drivers, checkpoint);
    }

    // The minute held by checkpoint number `position` (0-based): the end of its week.
    private long CheckpointMinute(int position) => _model.StartMinute - 1 + ((position + 1) * Interval);

    // File layout: magic, format version, fingerprint, count, the checkpoints in order, SHA-256 of everything before it.
    private void Load(string path, byte[] fingerprint)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var headerSize = s_magic.Length + sizeof(int) + HashSize + sizeof(int);
            if (bytes.Length < headerSize + HashSize
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashSize)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashSize)))
            {
                return;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - HashSize));
            if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic)
                || reader.ReadInt32() != FormatVersion
                || !reader.ReadBytes(HashSize).AsSpan().SequenceEqual(fingerprint))
            {
                return;
            }

            var count = reader.ReadInt32();
            var loaded = new List<MarketProcess.Checkpoint>();
            for (var i = 0; i < count; i++)
            {
                var checkpoint = MarketProcess.Checkpoint.Read(reader, _model);
                if (checkpoint.Minute != CheckpointMinute(i))
                {
                    return;
                }

                loaded.Add(checkpoint);
            }

            if (reader.BaseStream.Position == reader.BaseStream.Length)
            {
                _checkpoints.AddRange(loaded);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Missing, unreadable or damaged (an all-zero generator state): the walk is computed instead.
        }
    }

    // Written to a temporary file and renamed, so a reader (another process) sees the old file or the new one, never half.
    private void Save(string path, byte[] fingerprint)
    {
        var temporary = string.Concat(path, ".", Guid.NewGuid().ToString("N"), ".tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new MemoryStream())
            {
                using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(s_magic);
                    writer.Write(FormatVersion);
                    writer.Write(fingerprint);
                    writer.Write(_checkpoints.Count);
                    foreach (var checkpoint in _checkpoints)
                    {
                        checkpoint.Write(writer);
                    }
                }

                var content = stream.GetBuffer().AsSpan(0, (int)stream.Length);
                using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                file.Write(content);
                file.Write(SHA256.HashData(content));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache only: a read-only or full disk costs the next start its walk, nothing else.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Left behind; a later save does not depend on it.
            }
        }
    }

    // Everything the walk reads: the generator's build (its code and constants), the start, and every source's and
    // driver's parameters. Another value of any of them gives another fingerprint, so a stale file is never used.
    private static byte[] Fingerprint(MarketModel model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(WalkCheckpoints).Module.ModuleVersionId.ToByteArray());
        AppendLongs(hash, [model.StartMinute, model.Sources.Length, model.Drivers.Length]);
        foreach (var source in model.Sources)
        {
            AppendLongs(hash, [unchecked((long)source.StreamSeed), BitConverter.DoubleToInt64Bits(source.JumpStd)]);
            hash.AppendData(MemoryMarshal.AsBytes(source.MinuteStd.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(source.JumpProbability.AsSpan()));
        }

        foreach (var driver in model.Drivers)
        {
            AppendLongs(hash, [BitConverter.DoubleToInt64Bits(driver.StartLog), driver.Sources.Length]);
            hash.AppendData(MemoryMarshal.AsBytes(driver.Sources.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(driver.Weights.AsSpan()));
        }

        return hash.GetHashAndReset();
    }

    private static void AppendLongs(IncrementalHash hash, ReadOnlySpan<long> values) => hash.AppendData(MemoryMarshal.AsBytes(values));
}
