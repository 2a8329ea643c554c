using System.Runtime.CompilerServices;
using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>
/// Parses the data rows of a delimited file into bars or ticks by the roles of its columns. One pass over
/// UTF-8 spans with no per-row allocation; every row is validated, and the first bad one throws, so no
/// partial data escapes.
/// </summary>
internal sealed class RowParser
{
    private const long MaxMsOfDay = DateTimeText.MsPerDay - 1;
    private const double MaxQuantity = 9.2e18;

    private readonly LineReader _reader;
    private readonly ColumnLayout _layout;
    private readonly FileClock _clock;
    private readonly long _dayBaseMs;

    /// <param name="reader">Positioned after the header, if any.</param>
    /// <param name="layout">What each column holds.</param>
    /// <param name="clock">The clock of times that state no zone.</param>
    /// <param name="dayBaseMs">The day (UTC midnight, Unix ms) that milliseconds-of-day columns count from.</param>
    public RowParser(LineReader reader, ColumnLayout layout, FileClock clock, long dayBaseMs)
    {
        _reader = reader;
        _layout = layout;
        _clock = clock;
        _dayBaseMs = dayBaseMs;
    }

    /// <summary>Data rows read so far.</summary>
    public int Rows { get; private set; }

    /// <summary>The most digits after the decimal point seen in a price.</summary>
    public int MaxDecimals { get; private set; }

    /// <summary>Rows whose tick or real volume had a fraction and was rounded.</summary>
    public int RoundedVolumes { get; private set; }

    /// <summary>
    /// Reads bar rows. When the layout carries ask prices, <paramref name="spreadPrices"/> receives each bar's
    /// smaller of the open and close spreads (ask − bid) in price units, for conversion to points once the
    /// point is known; otherwise the spread column (in points) is used.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call runs the whole file: skip the unoptimised tier
    public Bar[] ReadBars(int capacity, out double[]? spreadPrices)
    {
        var bars = new ArrayBuilder<Bar>(capacity);
        var spreads = _layout.HasAsk ? new ArrayBuilder<double>(capacity) : default;
        var roles = _layout.Roles;
        var previousMs = long.MinValue;
        while (_reader.TryReadLine(out var line))
        {
            if (FieldText.IsBlank(line))
            {
                continue;
            }

            Rows++;
            var localMs = _dayBaseMs;
            var absolute = false;
            double open = 0, high = 0, low = 0, close = 0, askOpen = 0, askClose = 0, tickVolume = 0, realVolume = 0, spread = 0;
            var field = 0;
            while (true)
            {
                var end = line.IndexOf(_layout.Delimiter);
                var text = FieldText.Clean(end < 0 ? line : line[..end]);
                switch (field < roles.Length ? roles[field] : ColumnRole.Ignore)
                {
                    case ColumnRole.DateTime: localMs += DateTimeMs(text, field, ref absolute); break;
                    case ColumnRole.Date: localMs += DateMs(text, field); break;
                    case ColumnRole.Time: localMs += TimeOfDayMs(text, field); break;
                    case ColumnRole.MsOfDay: localMs += MsOfDayMs(text, field); break;
                    case ColumnRole.Open: open = Price(text, field); break;
                    case ColumnRole.High: high = Price(text, field); break;
                    case ColumnRole.Low: low = Price(text, field); break;
                    case ColumnRole.Close: close = Price(text, field); break;
                    case ColumnRole.AskOpen: askOpen = Price(text, field); break;
                    case ColumnRole.AskClose: askClose = Price(text, field); break;
                    case ColumnRole.TickVolume: tickVolume = Quantity(text, field, MaxQuantity); break;
                    case ColumnRole.RealVolume: realVolume = Quantity(text, field, MaxQuantity); break;
                    case ColumnRole.Spread: spread = Quantity(text, field, int.MaxValue); break;
                    default: break;
                }

                field++;
                if (end < 0)
                {
                    break;
                }

                line = line[(end + 1)..];
            }

            if (field < _layout.RequiredFields)
            {
                throw ImportErrors.Truncated(_reader, _layout, field);
            }

            if (!(low <= open && open <= high && low <= close && close <= high))
            {
                throw ImportErrors.InconsistentBar(_reader, open, high, low, close);
            }

            var timeMs = ToUtc(localMs, absolute, previousMs);
            if (timeMs <= previousMs)
            {
                throw ImportErrors.NotIncreasing(_reader, timeMs, previousMs, ticks: false);
            }

            if (timeMs % DateTimeText.MsPerSecond != 0)
            {
                throw ImportErrors.FractionalBarTime(_reader, timeMs);
            }

            previousMs = timeMs;
            if (tickVolume != Math.Floor(tickVolume) || realVolume != Math.Floor(realVolume))
            {
                RoundedVolumes++;
            }

            bars.Add(new Bar(
                timeMs / DateTimeText.MsPerSecond, open, high, low, close,
                (long)Math.Round(tickVolume, MidpointRounding.AwayFromZero),
                (int)Math.Round(spread, MidpointRounding.AwayFromZero),
                (long)Math.Round(realVolume, MidpointRounding.AwayFromZero)));
            if (_layout.HasAsk)
            {
                spreads.Add(Math.Min(askOpen - open, askClose - close));
            }
        }

        spreadPrices = _layout.HasAsk ? spreads.ToArray() : null;
        return bars.ToArray();
    }

    /// <summary>
    /// Reads tick rows. An empty bid, ask or last repeats the previous tick's value (MT5 leaves unchanged
    /// fields empty); an empty volume is 0. Without a flags value, the flags mark the fields that changed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Tick[] ReadTicks(int capacity)
    {
        var ticks = new ArrayBuilder<Tick>(capacity);
        var roles = _layout.Roles;
        var previousMs = long.MinValue;
        double previousBid = double.NaN, previousAsk = double.NaN, previousLast = 0;
        while (_reader.TryReadLine(out var line))
        {
            if (FieldText.IsBlank(line))
            {
                continue;
            }

            Rows++;
            var localMs = _dayBaseMs;
            var absolute = false;
            double bid = previousBid, ask = previousAsk, last = previousLast, volume = 0;
            var flags = -1;
            var field = 0;
            while (true)
            {
                var end = line.IndexOf(_layout.Delimiter);
                var text = FieldText.Clean(end < 0 ? line : line[..end]);
                switch (field < roles.Length ? roles[field] : ColumnRole.Ignore)
                {
                    case ColumnRole.DateTime: localMs += DateTimeMs(text, field, ref absolute); break;
                    case ColumnRole.Date: localMs += DateMs(text, field); break;
                    case ColumnRole.Time: localMs += TimeOfDayMs(text, field); break;
                    case ColumnRole.MsOfDay: localMs += MsOfDayMs(text, field); break;
                    case ColumnRole.Bid: bid = CarriedPrice(text, field, previousBid); break;
                    case ColumnRole.Ask: ask = CarriedPrice(text, field, previousAsk); break;
                    case ColumnRole.Last: last = text.IsEmpty ? previousLast : Price(text, field); break;
                    case ColumnRole.Volume: volume = Quantity(text, field, MaxQuantity); break;
                    case ColumnRole.Flags: flags = text.IsEmpty ? -1 : (int)Quantity(text, field, int.MaxValue); break;
                    default: break;
                }

                field++;
                if (end < 0)
                {
                    break;
                }

                line = line[(end + 1)..];
            }

            if (field < _layout.RequiredFields)
            {
                throw ImportErrors.Truncated(_reader, _layout, field);
            }

            var timeMs = ToUtc(localMs, absolute, previousMs);
            if (timeMs < previousMs)
            {
                throw ImportErrors.NotIncreasing(_reader, timeMs, previousMs, ticks: true);
            }

            if (flags < 0)
            {
                flags = (bid != previousBid ? (int)TickFlags.Bid : 0) | (ask != previousAsk ? (int)TickFlags.Ask : 0)
                    | (last != previousLast ? (int)TickFlags.Last : 0) | (volume > 0 ? (int)TickFlags.Volume : 0);
            }

            ticks.Add(new Tick(timeMs, bid, ask, last, volume, (TickFlags)flags));
            (previousMs, previousBid, previousAsk, previousLast) = (timeMs, bid, ask, last);
        }

        return ticks.ToArray();
    }

    private long ToUtc(long localMs, bool absolute, long previousMs)
    {
        if (absolute)
        {
            return localMs;
        }

        return _clock.TryToUtc(localMs, previousMs, out var utcMs)
            ? utcMs
            : throw ImportErrors.NonexistentLocalTime(_reader, localMs, _clock.Name);
    }

    private double Price(ReadOnlySpan<byte> text, int field)
    {
        if (!DecimalText.TryParse(text, out var value, out var decimals))
        {
            throw text.IsEmpty ? ImportErrors.EmptyField(_reader, _layout, field) : ImportErrors.NotANumber(_reader, _layout, field, text);
        }

        if (!double.IsFinite(value) || value < 0)
        {
            throw ImportErrors.BadPrice(_reader, _layout, field, value);
        }

        if (decimals > MaxDecimals)
        {
            MaxDecimals = decimals;
        }

        return value;
    }

    private double CarriedPrice(ReadOnlySpan<byte> text, int field, double previous)
    {
        if (!text.IsEmpty)
        {
            return Price(text, field);
        }

        return double.IsNaN(previous) ? throw ImportErrors.NothingToCarry(_reader, _layout, field) : previous;
    }

    // Volumes, spreads and flags: empty means 0.
    private double Quantity(ReadOnlySpan<byte> text, int field, double max)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        if (!DecimalText.TryParse(text, out var value, out _))
        {
            throw ImportErrors.NotANumber(_reader, _layout, field, text);
        }

        return double.IsFinite(value) && value >= 0 && value <= max ? value : throw ImportErrors.BadQuantity(_reader, _layout, field, value);
    }

    private long DateTimeMs(ReadOnlySpan<byte> text, int field, ref bool absolute) =>
        DateTimeText.TryParseDateTime(text, out var ms, out absolute)
            ? ms
            : throw ImportErrors.NotATime(_reader, _layout, field, text, DateTimeText.AllowedDateTimes);

    private long DateMs(ReadOnlySpan<byte> text, int field) =>
        DateTimeText.TryParseDate(text, out var ms)
            ? ms
            : throw ImportErrors.NotATime(_reader, _layout, field, text, "allowed: 2024.01.31, 2024-01-31 or 20240131");

    private long TimeOfDayMs(ReadOnlySpan<byte> text, int field) =>
        DateTimeText.TryParseTimeOfDay(text, out var ms)
            ? ms
            : throw ImportErrors.NotATime(_reader, _layout, field, text, DateTimeText.AllowedTimes);

    private long MsOfDayMs(ReadOnlySpan<byte> text, int field)
    {
        if (!DecimalText.TryParseFast(text, out var value, out var decimals) || decimals != 0 || value < 0 || value > MaxMsOfDay)
        {
            throw ImportErrors.NotAnInteger(_reader, _layout, field, text);
        }

        return (long)value;
    }
}
