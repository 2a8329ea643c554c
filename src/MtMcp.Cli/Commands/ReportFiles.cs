using MtMcp.Reports;

namespace MtMcp.Cli.Commands;

/// <summary>Writes a performance report as FILE.html and, beside it, the same figures as FILE.json.</summary>
internal static class ReportFiles
{
    /// <summary>Writes both files (creating the folder) and returns the JSON file's path.</summary>
    public static async Task<string> WriteAsync(PerformanceReport report, string htmlPath, CancellationToken cancellationToken)
    {
        var html = Path.GetFullPath(htmlPath);
        if (Directory.Exists(html))
        {
            throw new UserErrorException($"{htmlPath} is a folder: give the report's file name, e.g. {Path.Combine(htmlPath, "report.html")}.");
        }

        var json = Path.ChangeExtension(html, ".json");
        if (string.Equals(json, html, StringComparison.Ordinal))
        {
            throw new UserErrorException($"{htmlPath} already ends in .json: give the report an .html name (the JSON goes beside it).");
        }

        try
        {
            if (Path.GetDirectoryName(html) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await File.WriteAllBytesAsync(html, HtmlReportWriter.ToUtf8(report), cancellationToken).ConfigureAwait(false);
            await File.WriteAllBytesAsync(json, JsonReportWriter.ToUtf8(report), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"Cannot write the report to {htmlPath}: {error.Message}");
        }

        return json;
    }
}
