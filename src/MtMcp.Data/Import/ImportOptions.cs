using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>
/// Overrides for an import. Everything is optional: by default the format is detected from the content,
/// the symbol and timeframe from the file name (or the bar spacing), the file's clock is UTC and the point
/// is inferred from the prices.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>The symbol, overriding whatever the file name says.</summary>
    public string? Symbol { get; init; }

    /// <summary>The format, skipping content detection.</summary>
    public DataFormat? Format { get; init; }

    /// <summary>
    /// The timeframe of a bar file, overriding the file name and the spacing inference. It must agree with
    /// formats whose timeframe is fixed (HistData M1, LEAN) and must not be given for tick files.
    /// </summary>
    public Timeframe? Timeframe { get; init; }

    /// <summary>
    /// The clock the file's times are written in, for formats that state no zone: generic CSV and MT5 exports
    /// (which are in broker server time, e.g. <c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens")</c> for
    /// a GMT+2/+3 broker, or <see cref="FixedOffset"/>). Null means UTC. Times that carry their own zone
    /// (<c>Z</c>, <c>+02:00</c>, Unix numbers) ignore it; HistData (always UTC−5) and LEAN (always UTC) too.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>
    /// The symbol's point (SYMBOL_POINT), used to turn price spreads into points. Null infers it from the
    /// largest number of decimals in the file's prices (capped at 8 digits).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The point is not a positive finite number.</exception>
    public double? Point
    {
        get;
        init => field = value is null || (value > 0 && double.IsFinite(value.Value))
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The point must be a positive number, e.g. 0.00001.");
    }

    /// <summary>Options for a file known to hold <paramref name="spec"/>: its name and point.</summary>
    public static ImportOptions For(SymbolSpec spec) => new() { Symbol = spec.Name, Point = spec.Point };

    /// <summary>A clock at a fixed offset from UTC with no daylight saving (e.g. +02:00 for a GMT+2 server).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is not within ±14 h in whole minutes.</exception>
    public static TimeZoneInfo FixedOffset(TimeSpan offset)
    {
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A UTC offset is whole minutes within ±14 h.");
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
        return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
    }
}
