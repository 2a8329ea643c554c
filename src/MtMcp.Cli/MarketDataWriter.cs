using System.Globalization;
using System.Text;
using System.Text.Json;
using MtMcp.Domain;

namespace MtMcp.Cli;

/// <summary>
/// Prints bars and ticks as CSV or JSON. CSV output imports back unchanged (`mtmcp data import`):
/// times are ISO-8601 UTC and prices use the shortest text that round-trips the stored double.
/// </summary>
internal static class MarketDataWriter
{
    public const string BarHeader = "time,open,high,low,close,tick_volume,spread,real_volume";
    public const string TickHeader = "time,bid,ask,last,volume,flags";

    public static async Task WriteBarsAsync(TextWriter output, IReadOnlyList<Bar> bars, OutputFormat format, int? digits, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            await WriteJsonAsync(output, bars.Count, (writer, i) =>
            {
                var bar = bars[i];
                writer.WriteString("time", Iso(bar.OpenTime));
                WritePrice(writer, "open", bar.Open, digits);
                WritePrice(writer, "high", bar.High, digits);
                WritePrice(writer, "low", bar.Low, digits);
                WritePrice(writer, "close", bar.Close, digits);
                writer.WriteNumber("tick_volume", bar.TickVolume);
                writer.WriteNumber("spread", bar.Spread);
                writer.WriteNumber("real_volume", bar.RealVolume);
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var line = new StringBuilder(128);
        await output.WriteLineAsync(BarHeader).ConfigureAwait(false);
        foreach (var bar in bars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear()
                .Append(Iso(bar.OpenTime)).Append(',')
                .Append(Price(bar.Open)).Append(',').Append(Price(bar.High)).Append(',')
                .Append(Price(bar.Low)).Append(',').Append(Price(bar.Close)).Append(',')
                .Append(bar.TickVolume.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.Spread.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(bar.RealVolume.ToString(CultureInfo.InvariantCulture));
            await output.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTicksAsync(TextWriter output, IReadOnlyList<Tick> ticks, OutputFormat format, int? digits, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            await WriteJsonAsync(output, ticks.Count, (writer, i) =>
            {
                var tick = ticks[i];
                writer.WriteString("time", IsoMs(tick.Time));
                WritePrice(writer, "bid", tick.Bid, digits);
                WritePrice(writer, "ask", tick.Ask, digits);
                WritePrice(writer, "last", tick.Last, digits);
                writer.WriteNumber("volume", tick.Volume);
                writer.WriteNumber("flags", (int)tick.Flags);
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var line = new StringBuilder(128);
        await output.WriteLineAsync(TickHeader).ConfigureAwait(false);
        foreach (var tick in ticks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear()
                .Append(IsoMs(tick.Time)).Append(',')
                .Append(Price(tick.Bid)).Append(',').Append(Price(tick.Ask)).Append(',').Append(Price(tick.Last)).Append(',')
                .Append(tick.Volume.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(((int)tick.Flags).ToString(CultureInfo.InvariantCulture));
            await output.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(TextWriter output, int count, Action<Utf8JsonWriter, int> writeFields, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.WriteStartObject();
                writeFields(writer, i);
                writer.WriteEndObject();

                // Hand large outputs to the console in pieces rather than holding them all.
                if (buffer.Length > 1 << 20)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await output.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
                    buffer.SetLength(0);
                }
            }

            writer.WriteEndArray();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // Prices as JSON numbers rounded to the symbol's digits when known, so 1.1 never shows as 1.1000000000000001.
    private static void WritePrice(Utf8JsonWriter writer, string name, double price, int? digits) =>
        writer.WriteNumber(name, digits is { } d ? Math.Round(price, d) : price);

    private static string Price(double price) => price.ToString("R", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string IsoMs(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
