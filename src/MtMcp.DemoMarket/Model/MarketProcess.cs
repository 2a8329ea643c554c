using MtMcp.DemoMarket.Random;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Model;

/// <summary>
/// The driver walk, one minute at a time from the market's start: each active source draws its move for
/// the minute (diffusion scaled by the hour's seasonality, plus an occasional jump), and each active driver's
/// log value moves by its weighted sum, with a slight pull towards its start value.
/// </summary>
/// <remarks>
/// Each source reads only its own stream, so simulating a subset of sources (one symbol's) yields exactly
/// the values the full market has. Not thread-safe: one instance per generation run.
/// </remarks>
[Mutable]
internal sealed class MarketProcess
{
    private const double ReversionPerMinute = ModelParameters.MeanReversionPerYear / ModelParameters.MinutesPerYear;

    private readonly MarketModel _model;
    private readonly int[] _sources;
    private readonly int[] _drivers;
    private readonly Xoshiro256StarStar[] _random;
    private readonly double[] _move;
    private readonly double[] _jump;
    private readonly int[] _jumpSecond;
    private readonly long[] _lastJumpMs;
    private readonly long[] _previousJumpMs;
    private readonly double[] _logStart;
    private readonly double[] _logEnd;

    /// <summary>
    /// A process that steps the given sources and drivers, positioned at <paramref name="checkpoint"/> (a state of
    /// a process of the same model that stepped at least these) or else just before the market's start minute.
    /// </summary>
    public MarketProcess(MarketModel model, int[] sources, int[] drivers, Checkpoint? checkpoint = null)
    {
        _model = model;
        _sources = sources;
        _drivers = drivers;
        var sourceCount = model.Sources.Length;
        _random = new Xoshiro256StarStar[sourceCount];
        _move = new double[sourceCount];
        _jump = new double[sourceCount];
        _jumpSecond = new int[sourceCount];
        _lastJumpMs = new long[sourceCount];
        _previousJumpMs = new long[sourceCount];
        Array.Fill(_lastJumpMs, long.MinValue / 2);
        Array.Fill(_previousJumpMs, long.MinValue / 2);
        foreach (var source in sources)
        {
            _random[source] = Xoshiro256StarStar.FromSeed(model.Sources[source].StreamSeed);
        }

        _logStart = new double[model.Drivers.Length];
        _logEnd = new double[model.Drivers.Length];
        foreach (var driver in drivers)
        {
            _logEnd[driver] = model.Drivers[driver].StartLog;
        }

        Minute = model.StartMinute - 1;
        if (checkpoint is not null)
        {
            checkpoint.CopyTo(this);
        }
    }

    /// <summary>The Unix minute whose moves the process holds.</summary>
    public long Minute { get; private set; }

    /// <summary>Log value of a driver at the start of <see cref="Minute"/>.</summary>
    public double LogStart(int driver) => _logStart[driver];

    /// <summary>Log value of a driver at the end of <see cref="Minute"/> (the start of the next).</summary>
    public double LogEnd(int driver) => _logEnd[driver];

    /// <summary>Size of the jump of a source within <see cref="Minute"/>, or 0.</summary>
    public double Jump(int source) => _jump[source];

    /// <summary>Second (1..59) of <see cref="Minute"/> at which a source jumped.</summary>
    public int JumpSecond(int source) => _jumpSecond[source];

    /// <summary>Time (Unix ms) of the source's latest jump at or before <paramref name="timeMs"/>, looking back at most two jumps.</summary>
    public long LastJumpBefore(int source, long timeMs) =>
        _lastJumpMs[source] <= timeMs ? _lastJumpMs[source] : _previousJumpMs[source];

    /// <summary>Steps forward until the process holds <paramref name="minute"/>.</summary>
    public void AdvanceTo(long minute)
    {
        while (Minute < minute)
        {
            Step();
        }
    }

    /// <summary>A copy of the full state, from which a process continues bit-identically.</summary>
    public Checkpoint Save() => new(this);

    private void Step()
    {
        var minute = ++Minute;
        var w = Seasonality.MinuteOfWeek(minute);
        var sources = _model.Sources;
        foreach (var s in _sources)
        {
            ref var random = ref _random[s];
            var source = sources[s];
            var move = source.MinuteStd[w] * random.NextNormal();
            var jump = 0.0;
            if (random.NextDouble() < source.JumpProbability[w])
            {
                jump = source.JumpStd * random.NextNormal();
                var second = 1 + random.NextInt(59);
                _jumpSecond[s] = second;
                _previousJumpMs[s] = _lastJumpMs[s];
                _lastJumpMs[s] = (minute * 60_000) + (second * 1000L);
            }

            _jump[s] = jump;
            _move[s] = move + jump;
        }

        var drivers = _model.Drivers;
        foreach (var d in _drivers)
        {
            var driver = drivers[d];
            var start = _logEnd[d];
            var change = -ReversionPerMinute * (start - driver.StartLog);
            var driverSources = driver.Sources;
            var weights = driver.Weights;
            for (var i = 0; i < driverSources.Length; i++)
            {
                change += weights[i] * _move[driverSources[i]];
            }

            _logStart[d] = start;
            _logEnd[d] = start + change;
        }
    }

    /// <summary>A saved state of a <see cref="MarketProcess"/>; immutable once taken.</summary>
    [Immutable]
    internal sealed class Checkpoint
    {
        private readonly long _minute;
        private readonly Xoshiro256StarStar[] _random;
        private readonly double[] _move;
        private readonly double[] _jump;
        private readonly int[] _jumpSecond;
        private readonly long[] _lastJumpMs;
        private readonly long[] _previousJumpMs;
        private readonly double[] _logStart;
        private readonly double[] _logEnd;

        public Checkpoint(MarketProcess process)
        {
            _minute = process.Minute;
            _random = (Xoshiro256StarStar[])process._random.Clone();
            _move = (double[])process._move.Clone();
            _jump = (double[])process._jump.Clone();
            _jumpSecond = (int[])process._jumpSecond.Clone();
            _lastJumpMs = (long[])process._lastJumpMs.Clone();
            _previousJumpMs = (long[])process._previousJumpMs.Clone();
            _logStart = (double[])process._logStart.Clone();
            _logEnd = (double[])process._logEnd.Clone();
        }

        // A checkpoint read back by Read: the arrays are sized for the model being read into.
        private Checkpoint(long minute, int sourceCount, int driverCount)
        {
            _minute = minute;
            _random = new Xoshiro256StarStar[sourceCount];
            _move = new double[sourceCount];
            _jump = new double[sourceCount];
            _jumpSecond = new int[sourceCount];
            _lastJumpMs = new long[sourceCount];
            _previousJumpMs = new long[sourceCount];
            _logStart = new double[driverCount];
            _logEnd = new double[driverCount];
        }

        /// <summary>The minute the saved process held.</summary>
        public long Minute => _minute;

        /// <summary>
        /// A checkpoint of a process of <paramref name="model"/> that stepped every source and driver, as <see cref="Write"/>
        /// wrote it; the caller checks that the data belongs to this model.
        /// </summary>
        public static Checkpoint Read(BinaryReader reader, MarketModel model)
        {
            var checkpoint = new Checkpoint(reader.ReadInt64(), model.Sources.Length, model.Drivers.Length);
            for (var s = 0; s < checkpoint._random.Length; s++)
            {
                checkpoint._random[s] = Xoshiro256StarStar.Read(reader);
                checkpoint._move[s] = reader.ReadDouble();
                checkpoint._jump[s] = reader.ReadDouble();
                checkpoint._jumpSecond[s] = reader.ReadInt32();
                checkpoint._lastJumpMs[s] = reader.ReadInt64();
                checkpoint._previousJumpMs[s] = reader.ReadInt64();
            }

            for (var d = 0; d < checkpoint._logStart.Length; d++)
            {
                checkpoint._logStart[d] = reader.ReadDouble();
                checkpoint._logEnd[d] = reader.ReadDouble();
            }

            return checkpoint;
        }

        /// <summary>Writes the full state; <see cref="Read"/> restores it bit for bit.</summary>
        public void Write(BinaryWriter writer)
        {
            writer.Write(_minute);
            for (var s = 0; s < _random.Length; s++)
            {
                _random[s].Write(writer);
                writer.Write(_move[s]);
                writer.Write(_jump[s]);
                writer.Write(_jumpSecond[s]);
                writer.Write(_lastJumpMs[s]);
                writer.Write(_previousJumpMs[s]);
            }

            for (var d = 0; d < _logStart.Length; d++)
            {
                writer.Write(_logStart[d]);
                writer.Write(_logEnd[d]);
            }
        }

        public void CopyTo(MarketProcess process)
        {
            process.Minute = _minute;
            _random.CopyTo(process._random, 0);
            _move.CopyTo(process._move, 0);
            _jump.CopyTo(process._jump, 0);
            _jumpSecond.CopyTo(process._jumpSecond, 0);
            _lastJumpMs.CopyTo(process._lastJumpMs, 0);
            _previousJumpMs.CopyTo(process._previousJumpMs, 0);
            _logStart.CopyTo(process._logStart, 0);
            _logEnd.CopyTo(process._logEnd, 0);
        }
    }
}
