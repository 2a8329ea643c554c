using System.CommandLine;
using System.Globalization;

namespace MtMcp.Cli.Commands;

/// <summary>The time range, count, output format and output file shared by <c>data bars</c> and <c>data ticks</c>.</summary>
internal sealed class RangeOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "First time, UTC: 2024-03-01 or 2024-03-01T12:00:00Z." };
    private readonly Option<string?> _to = new("--to") { Description = "Last time, UTC (a date alone means the end of that day)." };
    private readonly Option<int?> _count = new("--count", "-n") { Description = "Only the last N rows of the range." };
    private readonly Option<string> _format = new("--format")
    {
        Description = "Output format: csv or json.",
        DefaultValueFactory = _ => "csv",
    };

    private readonly Option<FileInfo?> _output = new("--output", "-o") { Description = "Write to this file instead of standard output." };

    public RangeOptions() => _format.AcceptOnlyFromAmong("csv", "json");

    public void AddTo(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_to);
        command.Options.Add(_count);
        command.Options.Add(_format);
        command.Options.Add(_output);
    }

    public DateTimeOffset? From(ParseResult result) => ParseTime(result.GetValue(_from), "--from", endOfDay: false);

    public DateTimeOffset? To(ParseResult result) => ParseTime(result.GetValue(_to), "--to", endOfDay: true);

    public int? Count(ParseResult result) =>
        result.GetValue(_count) is { } n && n <= 0 ? throw new UserErrorException($"--count must be positive, not {n}.") : result.GetValue(_count);


    public OutputFormat Format(ParseResult result) => result.GetValue(_format) == "json" ? OutputFormat.Json : OutputFormat.Csv;

    /// <summary>Runs <paramref name="write"/> on the --output file, else on the command's standard output.</summary>
    public async Task WriteAsync(ParseResult result, Func<TextWriter, Task> write)
    {
        if (result.GetValue(_output) is not { } file)
        {
            await write(result.InvocationConfiguration.Output).ConfigureAwait(false);
            return;
        }

        var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false));
        await using (writer.ConfigureAwait(false))
        {
            await write(writer).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset? ParseTime(string? text, string option, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy.MM.dd"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            var start = new DateTimeOffset(day, TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-TimeSpan.TicksPerSecond) : start;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new UserErrorException($"{option}: '{text}' is not a date or time. Use 2024-03-01 or 2024-03-01T12:00:00Z (UTC).");
    }
}
