using MtMcp.Data.Import;
using MtMcp.Testing;

namespace MtMcp.Strategies.Tests;

/// <summary>The backtesting.py data sets, read in place from ../shared/data.</summary>
internal static class TestData
{
    private static readonly Lazy<Bar[]> s_goog = new(() => DataImporter.Import(SharedData.Path("GOOG.csv")).Bars);
    private static readonly Lazy<Bar[]> s_eurusd = new(() => DataImporter.Import(SharedData.Path("EURUSD.csv")).Bars);

    /// <summary>GOOG daily, 2004-08-19 .. 2013-03-01.</summary>
    public static Bar[] Goog => s_goog.Value;

    /// <summary>EURUSD hourly, 5 000 bars.</summary>
    public static Bar[] EurUsd => s_eurusd.Value;

    /// <summary>A minimal valid document with <paramref name="fields"/> (JSON members) added.</summary>
    public static string Document(string fields) => "{\n  \"name\": \"t\",\n" + fields + "\n}";
}
