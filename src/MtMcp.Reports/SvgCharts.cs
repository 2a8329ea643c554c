using System.Globalization;
using System.Text;

namespace MtMcp.Reports;

/// <summary>
/// Small inline SVG charts for the HTML report: fixed size, invariant number formatting, no scripts or external references,
/// so the output is deterministic and renders offline. Long series are thinned to the extremes of each pixel column.
/// </summary>
internal static partial class SvgCharts
{
    public const int Width = 920;
    public const int Height = 300;
    private const int Left = 78;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 34;
    private const long MsPerHour = 3_600_000;
    private const long MsPerDay = 24 * MsPerHour;

    public const string EquityColor = "#2563eb";
    public const string BalanceColor = "#f59e0b";
    public const string LossColor = "#dc2626";
    public const string WinColor = "#16a34a";
    public const string PriceColor = "#64748b";

    /// <summary>The plot rectangle and its data ranges.</summary>
    private readonly record struct Frame(double TimeMin, double TimeMax, double ValueMin, double ValueMax)
    {
        public static double PlotWidth => Width - Left - Right;

        public static double PlotHeight => Height - Top - Bottom;

        public double X(double timeMs) => Left + ((timeMs - TimeMin) / (TimeMax - TimeMin) * PlotWidth);

        public double Y(double value) => Top + PlotHeight - ((value - ValueMin) / (ValueMax - ValueMin) * PlotHeight);
    }

    /// <summary>Equity and balance lines over time.</summary>
    public static void EquityAndBalance(StringBuilder svg, EquityCurve curve)
    {
        var (min, max) = Range(curve.Equity, curve.Balance);
        var frame = Open(svg, "Equity and balance", curve.TimesMs[0], curve.TimesMs[^1], min, max);
        Polyline(svg, frame, curve.TimesMs, curve.Balance, BalanceColor, "balance");
        Polyline(svg, frame, curve.TimesMs, curve.Equity, EquityColor, "equity");
        Legend(svg, [("Equity", EquityColor), ("Balance", BalanceColor)]);
        svg.Append("</svg>\n");
    }

    /// <summary>Drawdown in percent as an area below zero.</summary>
    public static void Drawdown(StringBuilder svg, EquityCurve curve)
    {
        var (min, _) = Range(curve.DrawdownPct, []);
        var frame = Open(svg, "Drawdown [%]", curve.TimesMs[0], curve.TimesMs[^1], Math.Min(min, -1), 0);
        svg.Append("<polygon fill=\"").Append(LossColor).Append("\" fill-opacity=\"0.35\" stroke=\"").Append(LossColor)
            .Append("\" stroke-width=\"1\" points=\"");
        Points(svg, frame, curve.TimesMs, curve.DrawdownPct);
        Point(svg, frame.X(frame.TimeMax), frame.Y(0));
        Point(svg, frame.X(frame.TimeMin), frame.Y(0));
        svg.Append("\"><title>drawdown</title></polygon>\n</svg>\n");
    }

    private static Frame Open(StringBuilder svg, string title, double t0, double t1, double min, double max)
    {
        if (t1 <= t0)
        {
            (t0, t1) = (t0 - MsPerDay, t1 + MsPerDay);
        }

        var (lo, hi, step) = NiceScale(min, max);
        var frame = new Frame(t0, t1, lo, hi);
        Begin(svg, title);
        for (var v = lo; v <= hi + (step / 2); v += step)
        {
            var y = frame.Y(v);
            Line(svg, Left, y, Width - Right, y, "#e5e7eb");
            Text(svg, Left - 6, y + 4, "end", Value(v, step));
        }

        TimeAxis(svg, frame);
        return frame;
    }

    private static void Begin(StringBuilder svg, string title)
    {
        svg.Append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
            .Append(Width).Append(' ').Append(Height).Append("\" width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\">\n<title>");
        HtmlText.Append(svg, title).Append("</title>\n");
        Text(svg, Left, 18, "start", title, "title");
    }

    private static void Polyline(StringBuilder svg, Frame frame, IReadOnlyList<long> timesMs, IReadOnlyList<double> values, string color, string name)
    {
        svg.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"1.5\" points=\"");
        Points(svg, frame, timesMs, values);
        svg.Append("\"><title>").Append(name).Append("</title></polyline>\n");
    }

    /// <summary>
    /// Appends "x,y " pairs; beyond two points per pixel column only each column's first, lowest, highest and last points are
    /// kept (in time order), which draws the same picture as every point.
    /// </summary>
    private static void Points(StringBuilder svg, Frame frame, IReadOnlyList<long> timesMs, IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n <= 2 * Frame.PlotWidth)
        {
            for (var i = 0; i < n; i++)
            {
                Point(svg, frame.X(timesMs[i]), frame.Y(values[i]));
            }

            return;
        }

        var i0 = 0;
        while (i0 < n)
        {
            var column = Math.Floor(frame.X(timesMs[i0]));
            int lo = i0, hi = i0, i1 = i0;
            while (i1 + 1 < n && Math.Floor(frame.X(timesMs[i1 + 1])) == column)
            {
                i1++;
                lo = values[i1] < values[lo] ? i1 : lo;
                hi = values[i1] > values[hi] ? i1 : hi;
            }

            // i0 ≤ min(lo, hi) ≤ max(lo, hi) ≤ i1: in time order, each index once.
            var last = -1;
            foreach (var k in (ReadOnlySpan<int>)[i0, Math.Min(lo, hi), Math.Max(lo, hi), i1])
            {
                if (k > last)
                {
                    Point(svg, frame.X(timesMs[k]), frame.Y(values[k]));
                    last = k;
                }
            }

            i0 = i1 + 1;
        }
    }

    private static void TimeAxis(StringBuilder svg, Frame frame)
    {
        var y = Height - Bottom;
        Line(svg, Left, y, Width - Right, y, "#9ca3af");
        foreach (var (timeMs, label) in TimeTicks((long)frame.TimeMin, (long)frame.TimeMax))
        {
            var x = frame.X(timeMs);
            Line(svg, x, y, x, y + 4, "#9ca3af");
            Text(svg, x, y + 18, "middle", label);
        }
    }

    /// <summary>Calendar-aligned ticks (years, months, days or hours) with at most about 10 labels.</summary>
    internal static List<(long TimeMs, string Label)> TimeTicks(long fromMs, long toMs)
    {
        var ticks = new List<(long, string)>();
        var span = toMs - fromMs;
        if (span >= 60 * MsPerDay)
        {
            var months = span / (30 * MsPerDay);
            var step = months <= 10 ? 1 : months <= 20 ? 2 : months <= 30 ? 3 : months <= 60 ? 6 : months <= 120 ? 12 : months <= 240 ? 24 : 60;
            var start = DateTimeOffset.FromUnixTimeMilliseconds(fromMs).UtcDateTime;
            var index = (start.Year * 12) + start.Month - 1 + 1;
            index += (step - (index % step)) % step;
            for (; ; index += step)
            {
                var date = new DateTimeOffset(index / 12, (index % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);
                var t = date.ToUnixTimeMilliseconds();
                if (t > toMs)
                {
                    break;
                }

                ticks.Add((t, date.ToString(step >= 12 ? "yyyy" : "yyyy-MM", CultureInfo.InvariantCulture)));
            }

            return ticks;
        }

        long[] steps = [MsPerHour, 3 * MsPerHour, 6 * MsPerHour, 12 * MsPerHour, MsPerDay, 2 * MsPerDay, 7 * MsPerDay, 14 * MsPerDay];
        var unit = steps[^1];
        foreach (var s in steps)
        {
            if (span / s <= 10)
            {
                unit = s;
                break;
            }
        }

        for (var t = ((fromMs / unit) + 1) * unit; t <= toMs; t += unit)
        {
            var format = unit >= MsPerDay ? "yyyy-MM-dd" : "MM-dd HH:mm";
            ticks.Add((t, DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime.ToString(format, CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    /// <summary>A range widened to multiples of a 1-2-5 step giving about 5 intervals.</summary>
    internal static (double Low, double High, double Step) NiceScale(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (max <= min)
        {
            var pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.01 : 1;
            (min, max) = (min - pad, max + pad);
        }

        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static (double Min, double Max) Range(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var list in (ReadOnlySpan<IReadOnlyList<double>>)[a, b])
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (double.IsFinite(list[i]))
                {
                    (min, max) = (Math.Min(min, list[i]), Math.Max(max, list[i]));
                }
            }
        }

        return (min, max);
    }

    private static void Legend(StringBuilder svg, ReadOnlySpan<(string Name, string Color)> items)
    {
        var x = Width - Right - (110 * items.Length);
        foreach (var (name, color) in items)
        {
            svg.Append("<rect x=\"").Append(x).Append("\" y=\"8\" width=\"14\" height=\"4\" fill=\"").Append(color).Append("\"/>");
            Text(svg, x + 20, 14, "start", name);
            x += 110;
        }

        svg.Append('\n');
    }

    private static void Point(StringBuilder svg, double x, double y) =>
        svg.Append(Coordinate(x)).Append(',').Append(Coordinate(y)).Append(' ');

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string color) =>
        svg.Append("<line x1=\"").Append(Coordinate(x1)).Append("\" y1=\"").Append(Coordinate(y1)).Append("\" x2=\"").Append(Coordinate(x2))
            .Append("\" y2=\"").Append(Coordinate(y2)).Append("\" stroke=\"").Append(color).Append("\"/>\n");

    private static void Text(StringBuilder svg, double x, double y, string anchor, string text, string? cssClass = null)
    {
        svg.Append("<text x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y)).Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (cssClass is not null)
        {
            svg.Append(" class=\"").Append(cssClass).Append('"');
        }

        HtmlText.Append(svg.Append('>'), text).Append("</text>");
    }

    private static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An axis label with as many decimals as the step needs.</summary>
    private static string Value(double value, double step)
    {
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)), 0, 8);
        return Math.Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }
}
