using MtMcp.Domain;

namespace MtMcp.DemoMarket;

/// <summary>
/// Settings of the seeded synthetic demo market. Two markets with equal options produce bit-identical
/// ticks and bars on every machine.
/// </summary>
/// <remarks>
/// The price walk starts at <see cref="Start"/> from realistic mid-2024 levels and is simulated minute by
/// minute from there, so every query (history or live) must lie at or after <see cref="Start"/>, and
/// queries far after it pay for simulating the minutes in between (about 0.1 s per simulated year per
/// symbol for bars, a few tenths of a second per year for the whole market's live stream). For a server,
/// fix <see cref="Start"/> (and <see cref="Seed"/>) in configuration about a year before first use, so
/// restarts reproduce the same history and the live stream continues it.
/// </remarks>
public sealed record DemoMarketOptions
{
    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 0x4D74_4D63_7044_656D;

    /// <summary>Seed of every random stream. Equal seeds give equal markets; any change gives a different market.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Symbols to quote, at most 65,535; names must be unique (case-insensitively). A currency pair (base differs
    /// from profit currency) is priced as base value / profit value in dollars, anything else by a driver of its
    /// own in its profit currency. Defaults to <see cref="SymbolCatalog.BuiltIn"/>.
    /// </summary>
    public IReadOnlyList<SymbolSpec> Symbols { get; init; } = SymbolCatalog.BuiltIn;

    /// <summary>Where the walk starts (floored to the minute, not before 1970). Defaults to 2025-01-01 00:00 UTC.</summary>
    public DateTimeOffset Start { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Optional mid prices at <see cref="Start"/> by symbol name; needed for symbols the model does not know
    /// (which otherwise start at 1 USD per unit for an asset and 100 for an instrument). A pair's price fixes
    /// the first of its two legs not fixed by an earlier entry (in <see cref="Symbols"/> order); a price that
    /// contradicts earlier ones is an error.
    /// </summary>
    public IReadOnlyDictionary<string, double> StartPrices { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Optional annualised volatilities (0.07 = 7 %) by symbol name, for symbols priced by their own driver and
    /// for dollar pairs (it sets the non-dollar leg); crosses follow from their legs and cannot be set.
    /// </summary>
    public IReadOnlyDictionary<string, double> Volatilities { get; init; } = new Dictionary<string, double>();
}
