namespace MtMcp.Reports;

/// <summary>One headline figure of a report: a number (null where undefined) or a text, under a snake_case key.</summary>
/// <param name="Key">snake_case key, as in the JSON.</param>
/// <param name="Label">Human label for the HTML page.</param>
/// <param name="Number">The value; null when undefined (e.g. a profit factor without losses) or when the figure is a text.</param>
/// <param name="Text">A textual value (times, names); null for numbers.</param>
public sealed record ReportFigure(string Key, string Label, double? Number, string? Text)
{
    /// <summary>A numeric figure; NaN and infinities become null.</summary>
    public static ReportFigure Of(string key, string label, double value) =>
        new(key, label, double.IsFinite(value) ? value : null, null);

    /// <summary>A textual figure.</summary>
    public static ReportFigure Of(string key, string label, string text) => new(key, label, null, text);
}
