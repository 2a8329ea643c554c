using MtMcp.DemoMarket.Model;
using MtMcp.DemoMarket.Random;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Generation;

/// <summary>
/// Generates the merged tick stream of all symbols, one minute at a time.
/// </summary>
/// <remarks>
/// Every minute is a pure function of the seed, the minute and the driver walk, so a stream over any range
/// holds exactly the ticks a longer stream holds in that range:
/// <list type="bullet">
/// <item>each symbol draws its arrival count (Poisson, the hour's intensity) and arrival times (uniform in the
/// minute, as a Poisson process given its count) from its own stream for that minute;</item>
/// <item>each driver fills its path between the minute's boundary values with a Brownian bridge at one-second
/// points (plus the minute's jumps at their second) from its own stream for that minute, and a tick reads the
/// path by linear interpolation, so crosses see exactly the same driver values as the dollar pairs;</item>
/// <item>an arrival is emitted when its bid or ask differs from the symbol's previous arrival in the same or the
/// previous minute (the generator starts one minute early to know it), otherwise it is a repeat and skipped.</item>
/// </list>
/// Not thread-safe: one instance per enumeration.
/// </remarks>
[Mutable]
internal sealed class TickCursor
{
    private const int PathPoints = 61;
    private const int SymbolBits = 16;
    private const long SymbolMask = (1L << SymbolBits) - 1;

    private readonly MarketModel _model;
    private readonly MarketProcess _process;
    private readonly long _fromMs;
    private readonly long _toMs;
    private readonly long _lastMinute;
    private readonly double[][] _paths;
    private readonly long[] _pathMinute;
    private readonly Xoshiro256StarStar[] _symbolRandom;
    private readonly long[] _lastBid;
    private readonly long[] _lastAsk;
    private readonly long[] _lastArrivalMinute;
    private long[] _keys = new long[1024];
    private int _count;
    private int _position;
    private long _minute;
    private int _minuteOfWeek;

    /// <summary>A cursor over the ticks in [<paramref name="fromMs"/>, <paramref name="toMs"/>), Unix milliseconds.</summary>
    public TickCursor(MarketModel model, WalkCheckpoints checkpoints, long fromMs, long toMs)
    {
        _model = model;
        _fromMs = fromMs;
        _toMs = toMs;
        _paths = new double[model.Drivers.Length][];
        _pathMinute = new long[model.Drivers.Length];
        for (var d = 0; d < _paths.Length; d++)
        {
            _paths[d] = new double[PathPoints];
            _pathMinute[d] = long.MinValue;
        }

        var symbolCount = model.Symbols.Length;
        _symbolRandom = new Xoshiro256StarStar[symbolCount];
        _lastBid = new long[symbolCount];
        _lastAsk = new long[symbolCount];
        _lastArrivalMinute = new long[symbolCount];
        Array.Fill(_lastArrivalMinute, long.MinValue);

        // Start a minute early so the first emitted ticks know their predecessors.
        _minute = Math.Max(model.StartMinute, (fromMs / 60_000) - 1) - 1;
        _lastMinute = (toMs - 1) / 60_000;
        _process = checkpoints.ProcessAt(_minute, checkpoints.AllSources, checkpoints.AllDrivers);
    }

    /// <summary>The next tick in time order (ties by symbol position), or false at the end of the range.</summary>
    public bool TryNext(out SymbolTick tick)
    {
        while (true)
        {
            while (_position < _count)
            {
                var key = _keys[_position++];
                if (_position > 1 && key == _keys[_position - 2])
                {
                    // Two arrivals of one symbol in the same millisecond: keep one.
                    continue;
                }

                if (TryQuote(key, out tick))
                {
                    return true;
                }
            }

            if (_minute >= _lastMinute)
            {
                tick = default;
                return false;
            }

            FillMinute(++_minute);
        }
    }

    private void FillMinute(long minute)
    {
        _process.AdvanceTo(minute);
        var w = Seasonality.MinuteOfWeek(minute);
        _minuteOfWeek = w;
        _count = 0;
        _position = 0;
        var symbols = _model.Symbols;
        for (var s = 0; s < symbols.Length; s++)
        {
            var intensity = symbols[s].TicksPerMinute[w];
            if (intensity <= 0)
            {
                continue;
            }

            ref var random = ref _symbolRandom[s];
            random = StreamSeeds.ForMinute(symbols[s].StreamSeed, minute);
            var arrivals = random.NextPoisson(intensity);
            if (_count + arrivals > _keys.Length)
            {
                Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _count + arrivals));
            }

            for (var i = 0; i < arrivals; i++)
            {
                _keys[_count++] = ((long)random.NextInt(60_000) << SymbolBits) | (long)s;
            }
        }

        _keys.AsSpan(0, _count).Sort();
    }

    private bool TryQuote(long key, out SymbolTick tick)
    {
        var symbol = _model.Symbols[(int)(key & SymbolMask)];
        var offsetMs = (int)(key >> SymbolBits);
        var timeMs = (_minute * 60_000) + offsetMs;
        var logMid = (symbol.BaseDriver >= 0 ? PathValue(symbol.BaseDriver, offsetMs) : 0)
            - (symbol.QuoteDriver >= 0 ? PathValue(symbol.QuoteDriver, offsetMs) : 0);
        var mid = DeterministicMath.Exp(logMid);

        ref var random = ref _symbolRandom[symbol.Index];
        var level = symbol.SpreadLevel(_minuteOfWeek, timeMs, _process);
        var spreadTicks = Pricing.LevelTicks(level) + (long)(random.NextExponential() * ModelParameters.SpreadNoise * level);
        var bid = Pricing.BidTicks(mid, spreadTicks, symbol.TickSize);
        var ask = bid + spreadTicks;

        var s = symbol.Index;
        var flags = TickFlags.Bid | TickFlags.Ask;
        if (_lastArrivalMinute[s] >= _minute - 1)
        {
            flags = (bid != _lastBid[s] ? TickFlags.Bid : TickFlags.None) | (ask != _lastAsk[s] ? TickFlags.Ask : TickFlags.None);
        }

        _lastBid[s] = bid;
        _lastAsk[s] = ask;
        _lastArrivalMinute[s] = _minute;
        if (flags == TickFlags.None || timeMs < _fromMs || timeMs >= _toMs)
        {
            tick = default;
            return false;
        }

        tick = new SymbolTick(symbol.Spec.Name, new Tick(timeMs, Pricing.Price(bid, symbol), Pricing.Price(ask, symbol), 0, 0, flags));
        return true;
    }

    // The driver's log value at offsetMs into the current minute, by linear interpolation of its one-second path.
    private double PathValue(int driver, int offsetMs)
    {
        var path = _paths[driver];
        if (_pathMinute[driver] != _minute)
        {
            FillPath(driver, path);
            _pathMinute[driver] = _minute;
        }

        var second = offsetMs / 1000;
        var fraction = (offsetMs - (second * 1000)) / 1000.0;
        return path[second] + ((path[second + 1] - path[second]) * fraction);
    }

    private void FillPath(int d, double[] path)
    {
        var driver = _model.Drivers[d];
        var start = _process.LogStart(d);
        var end = _process.LogEnd(d);

        // The diffusive part runs from start to end less the minute's jumps; the jumps are added as steps.
        var jumps = 0.0;
        for (var i = 0; i < driver.Sources.Length; i++)
        {
            jumps += driver.Weights[i] * _process.Jump(driver.Sources[i]);
        }

        var random = StreamSeeds.ForMinute(driver.BridgeSeed, _minute);
        var stepVariance = driver.MinuteVariance[_minuteOfWeek] / (PathPoints - 1);
        var target = end - jumps;
        var x = start;
        path[0] = start;
        for (var i = 1; i < PathPoints - 1; i++)
        {
            // Brownian bridge: the next point given the current one and the end, `remaining` steps away.
            double remaining = PathPoints - i;
            x += ((target - x) / remaining) + (Math.Sqrt(stepVariance * (remaining - 1) / remaining) * random.NextNormal());
            path[i] = x;
        }

        if (jumps != 0)
        {
            for (var i = 0; i < driver.Sources.Length; i++)
            {
                var source = driver.Sources[i];
                var jump = driver.Weights[i] * _process.Jump(source);
                if (jump != 0)
                {
                    for (var p = _process.JumpSecond(source); p < PathPoints - 1; p++)
                    {
                        path[p] += jump;
                    }
                }
            }
        }

        path[PathPoints - 1] = end;
    }
}
