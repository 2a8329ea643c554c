using System.Globalization;
using System.IO.Compression;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Import;

/// <summary>Reads the real LEAN zips directly (ZipArchive + string.Split), as an independent reference.</summary>
internal static class LeanFiles
{
    public static readonly string[] TickDays =
        ["20140501", "20140502", "20140504", "20140505", "20140506", "20140507", "20140508", "20140509", "20140511", "20140512", "20140513", "20140514", "20140515"];

    public static string Path(params string[] parts) => SharedData.Path(["lean", "forex", "oanda", .. parts]);

    public static string[][] Rows(string zipPath)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(archive.Entries.Single().Open());
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split(',')).ToArray();
    }

    /// <summary>A price as a count of 0.00001 ticks, as the brief compares them.</summary>
    public static long Ticks(string price) => (long)Math.Round(double.Parse(price, NumberStyles.Float, CultureInfo.InvariantCulture) / 1e-5);

    public static long Ticks(double price) => (long)Math.Round(price / 1e-5);

    /// <summary>Unix seconds of a LEAN <c>YYYYMMDD HH:mm</c> stamp (UTC).</summary>
    public static long StampSeconds(string stamp) =>
        new DateTimeOffset(DateTime.ParseExact(stamp, "yyyyMMdd HH:mm", CultureInfo.InvariantCulture), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>Unix seconds of milliseconds since midnight of a <c>YYYYMMDD</c> day.</summary>
    public static long DaySeconds(string day, string msOfDay) =>
        new DateTimeOffset(DateTime.ParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture), TimeSpan.Zero).ToUnixTimeSeconds()
        + (long.Parse(msOfDay, CultureInfo.InvariantCulture) / 1000);
}
