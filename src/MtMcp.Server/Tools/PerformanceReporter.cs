using System.Globalization;
using System.Text.Json.Nodes;
using MtMcp.Engine;
using MtMcp.Reports;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// <c>performance_report</c>'s work: builds the report of a paper account over a period (from its deals) or of a backtest
/// (run_backtest's arguments and engine), writes the HTML page and the full JSON under <c>&lt;data-dir&gt;/reports</c>, and
/// answers the figures without the per-point series.
/// </summary>
internal sealed class PerformanceReporter(ServerSettings settings, MarketHistory history, PaperVenue venue, ToolRunner runner, TimeProvider time)
{
    private const int MaxNameLength = 40;

    /// <summary>The report of a paper account over [from, to) (default: its first deal .. its last venue time).</summary>
    public async ValueTask<PerformanceReportAnswer> AccountAsync(string? account, string? from, string? to, CancellationToken cancellationToken)
    {
        var start = Args.Time(from, "from");
        var end = Args.Time(to, "to");
        Args.Ordered(start, end);
        var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
        var name = TradingMap.Account(service, account);
        var (deals, currency, nowMs) = service.Read(name, a => (a.Deals(HistoryQuery.All), a.Snapshot().Info.Currency, a.TimeMs));
        var fromMs = start?.ToUnixTimeMilliseconds() ?? (deals.Count > 0 ? deals[0].TimeMs : nowMs);
        var toMs = end?.ToUnixTimeMilliseconds() ?? Math.Max(nowMs, deals.Count > 0 ? deals[^1].TimeMs : nowMs) + 1;
        if (toMs <= fromMs)
        {
            throw ToolErrorException.InvalidArgument("to", "to must be after from (and after the account's first deal when from is not given).");
        }

        return Write(PerformanceReports.FromAccount(name, currency, deals, fromMs, toMs), "account-" + name);
    }

    /// <summary>The report of a backtest run exactly as run_backtest runs it.</summary>
    public PerformanceReportAnswer Backtest(
        BacktestRequest request, string? model, double? cash, double? commission, double? spread, double? margin, bool? finalize, int? leverage)
    {
        var tools = new StrategyTools(settings, history, runner);
        var input = tools.Load(request);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{input.Spec.Name} {input.Timeframe} · {Args.FormatSeconds(input.Data[0].Time)} .. {Args.FormatSeconds(input.Data[^1].Time)} · {(input.Native ? "native" : "compat")}")
            + string.Concat(input.Values.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $" {p.Key}={p.Value}")));
        var report = input.Native
            ? PerformanceReports.FromNative(tools.RunNative(input, model, cash, leverage, (commission, spread, margin, finalize)), input.Data, input.Reference, input.Spec.Name, "USD", subtitle)
            : PerformanceReports.FromBacktest(StrategyTools.RunCompat(input, cash, commission, spread, margin, finalize, (model, leverage)), input.Data, input.Spec.Name, subtitle)
                with { Title = input.Reference };
        return Write(report, "backtest-" + input.Reference);
    }

    private PerformanceReportAnswer Write(PerformanceReport report, string name)
    {
        var folder = Path.Combine(settings.DataDirectory, "reports");
        Directory.CreateDirectory(folder);
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'-'HHmmss", CultureInfo.InvariantCulture);
        var stem = Path.Combine(folder, $"performance-{SafeName(name)}-{stamp}");
        var html = stem + ".html";
        for (var n = 2; File.Exists(html); n++)
        {
            html = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.html");
        }

        var json = Path.ChangeExtension(html, ".json");
        File.WriteAllBytes(html, HtmlReportWriter.ToUtf8(report));
        File.WriteAllBytes(json, JsonReportWriter.ToUtf8(report));
        var figures = JsonNode.Parse(JsonReportWriter.ToUtf8(report, includeSeries: false))!.AsObject();
        return new PerformanceReportAnswer(Path.GetFullPath(html), Path.GetFullPath(json), figures);
    }

    // Account names and strategy references become part of a file name: keep letters, digits, '-' and '_' only.
    private static string SafeName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return safe.Length > MaxNameLength ? safe[..MaxNameLength] : safe;
    }
}
