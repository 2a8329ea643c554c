using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

/// <summary>Markets and times shared by the tests.</summary>
internal static class TestMarkets
{
    /// <summary>The default walk start, 2025-01-01 00:00 UTC (a Wednesday).</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 2025-01-06 00:00 UTC.</summary>
    public static readonly DateTimeOffset Monday = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A market quoting only the named built-in symbols.</summary>
    public static DemoMarket Of(params string[] names) => new(Options(names));

    /// <summary>Options for the named built-in symbols, default seed and start.</summary>
    public static DemoMarketOptions Options(params string[] names) =>
        new() { Symbols = [.. names.Select(n => SymbolCatalog.BuiltIn.Get(n))] };

    /// <summary>Mid of a bar's close: the bid plus half the bar's spread.</summary>
    public static double CloseMid(Bar bar, SymbolSpec spec) => bar.Close + (bar.Spread * spec.Point / 2);

    /// <summary>Mid of a tick.</summary>
    public static double Mid(Tick tick) => (tick.Bid + tick.Ask) / 2;
}
