namespace MtMcp.Data.Import;

/// <summary>
/// Converts the local times of a file to UTC. UTC and fixed offsets cost one subtraction; a zone with
/// daylight saving caches the offset per local hour (transitions never fall twice in one hour) and
/// resolves the ambiguous hour after a fall-back transition so that times keep increasing.
/// </summary>
internal sealed class FileClock
{
    private const long MsPerHour = 3_600_000;

    private readonly TimeZoneInfo? _zone;
    private readonly long _fixedOffsetMs;
    private long _cachedHour = long.MinValue;
    private long _cachedOffsetMs;

    private FileClock(TimeZoneInfo? zone, long fixedOffsetMs)
    {
        _zone = zone;
        _fixedOffsetMs = fixedOffsetMs;
    }

    /// <summary>A clock that is UTC.</summary>
    public static FileClock Utc { get; } = new(null, 0);

    /// <summary>A display name for notes and messages.</summary>
    public string Name => _zone?.Id ?? (_fixedOffsetMs == 0 ? "UTC" : $"UTC{TimeSpan.FromMilliseconds(_fixedOffsetMs):c}");

    /// <summary>Whether the clock is UTC itself.</summary>
    public bool IsUtc => _zone is null && _fixedOffsetMs == 0;

    /// <summary>A clock at a fixed offset east of UTC.</summary>
    public static FileClock FixedOffset(TimeSpan offset) => new(null, (long)offset.TotalMilliseconds);

    /// <summary>The clock for a zone; zones without daylight saving become fixed offsets.</summary>
    public static FileClock For(TimeZoneInfo zone) =>
        zone.GetAdjustmentRules().Length == 0
            ? new(null, (long)zone.BaseUtcOffset.TotalMilliseconds)
            : new(zone, 0);

    /// <summary>
    /// Converts a local time to UTC. Returns false when the local time does not exist in the zone (it falls
    /// in the gap of a spring-forward transition). In the repeated hour of a fall-back transition the earlier
    /// instant is chosen unless it would not come after <paramref name="previousUtcMs"/>.
    /// </summary>
    public bool TryToUtc(long localMs, long previousUtcMs, out long utcMs)
    {
        if (_zone is null)
        {
            utcMs = localMs - _fixedOffsetMs;
            return true;
        }

        var hour = Math.DivRem(localMs, MsPerHour, out var remainder);
        if (remainder < 0)
        {
            hour--;
        }

        if (hour == _cachedHour)
        {
            utcMs = localMs - _cachedOffsetMs;
            return true;
        }

        return TryConvertSlow(localMs, hour, previousUtcMs, out utcMs);
    }

    private bool TryConvertSlow(long localMs, long hour, long previousUtcMs, out long utcMs)
    {
        var zone = _zone!;
        var local = ToLocal(localMs);
        utcMs = 0;
        if (zone.IsInvalidTime(local))
        {
            return false;
        }

        long offsetMs;
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var earliest = offsets.Max();
            var latest = offsets.Min();
            offsetMs = localMs - (long)earliest.TotalMilliseconds > previousUtcMs
                ? (long)earliest.TotalMilliseconds
                : (long)latest.TotalMilliseconds;
        }
        else
        {
            offsetMs = (long)zone.GetUtcOffset(local).TotalMilliseconds;
        }

        // The hour can be cached when it is plain at both ends with one offset.
        var start = ToLocal(hour * MsPerHour);
        var end = ToLocal((hour * MsPerHour) + MsPerHour - 1);
        if (!zone.IsInvalidTime(start) && !zone.IsAmbiguousTime(start) && !zone.IsInvalidTime(end) && !zone.IsAmbiguousTime(end)
            && zone.GetUtcOffset(start) == zone.GetUtcOffset(end))
        {
            _cachedHour = hour;
            _cachedOffsetMs = (long)zone.GetUtcOffset(start).TotalMilliseconds;
        }
        else
        {
            _cachedHour = long.MinValue;
        }

        utcMs = localMs - offsetMs;
        return true;
    }

    private static DateTime ToLocal(long localMs) =>
        DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(localMs), DateTimeKind.Unspecified);
}
