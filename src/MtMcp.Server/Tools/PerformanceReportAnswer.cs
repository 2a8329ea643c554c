using System.Text.Json.Nodes;

namespace MtMcp.Server.Tools;

/// <summary>
/// The answer of <c>performance_report</c>: where the HTML page and the full JSON were written, and the figures (the JSON
/// without the per-point curve, prices and trade list; layout in docs/reports.md). The figures are a JSON object, not a
/// raw element, so the output schema says <c>object</c>: clients reject a property schema of <c>true</c>.
/// </summary>
internal sealed record PerformanceReportAnswer(string HtmlPath, string JsonPath, JsonObject Report);
