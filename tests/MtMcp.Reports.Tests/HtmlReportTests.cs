using System.Xml;
using System.Xml.Linq;

namespace MtMcp.Reports.Tests;

/// <summary>The HTML page: well-formed, self-contained, every chart present, hostile text escaped.</summary>
public sealed class HtmlReportTests
{
    [Fact]
    public void ToHtml_GoogReport_IsWellFormedXmlWithEveryChart()
    {
        var html = HtmlReportWriter.ToHtml(GoogRun.Report());

        var document = Parse(html);
        var charts = document.Descendants("svg").ToList();
        var titles = charts.Select(svg => svg.Element("title")?.Value).ToList();
        Assert.Equal(["Equity and balance", "Drawdown [%]", "Monthly returns [%]", "Trade returns [%] (count per bin)", "GOOG: trades on the close"], titles);
        // Each trade is one marker group; the equity line is thinned (2 148 bars on 826 pixel columns) but stays in time order.
        Assert.Equal(66, charts[4].Elements("g").Count());
        var xs = Points(charts[0].Elements("polyline").Last()).Select(p => p.X).ToList();
        Assert.InRange(xs.Count, 826, GoogRun.Bars.Length - 1);
        Assert.Equal(xs.Order(), xs);
        Assert.Equal(66, document.Descendants("tbody").Last().Elements("tr").Count());
        // Histogram bars stand on the axis with heights proportional to the counts.
        var counts = GoogRun.Report().Histogram.Counts;
        var bars = charts[3].Elements("rect").ToList();
        Assert.Equal(counts.Count, bars.Count);
        var perTrade = counts.Select((c, k) => c == 0 ? double.NaN : Number(bars[k], "height") / c).Where(double.IsFinite).ToList();
        Assert.All(perTrade, h => Assert.Equal(perTrade[0], h, 0.1));
        Assert.All(bars, b => Assert.Equal(266, Number(b, "y") + Number(b, "height"), 0.1));
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ToHtml_GoogReport_ReferencesNothingOutsideThePage()
    {
        var html = HtmlReportWriter.ToHtml(GoogRun.Report());

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_HostileText_IsEscapedEverywhere()
    {
        const string Hostile = "</title><script>alert('x')</script><!-- \"&amp; -->\u0001";
        var report = GoogRun.Report() with
        {
            Title = Hostile,
            Subtitle = Hostile,
            Notes = [Hostile],
            Summary = [ReportFigure.Of(Hostile, Hostile, Hostile)],
            Trades = [new ReportTrade(Hostile, 1, 1_100_000_000_000, 100, 1_100_086_400_000, 110, 10, 10)],
            Prices = null,
        };

        var html = HtmlReportWriter.ToHtml(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;!-- &quot;&amp;amp; --&gt;\uFFFD", html, StringComparison.Ordinal);
        var document = Parse(html);
        Assert.Equal(Hostile.Replace('\u0001', '\uFFFD') + " · performance report", document.Descendants("title").First().Value);
        Assert.Equal(Hostile.Replace('\u0001', '\uFFFD'), document.Descendants("h1").Single().Value);
    }

    [Fact]
    public void ToHtml_AccountWithoutPrices_DrawsTheTradesAtTheirDealPrices()
    {
        var report = AccountReportTests.Report();

        var document = Parse(HtmlReportWriter.ToHtml(report));

        var trades = document.Descendants("svg").Single(s => s.Element("title")!.Value.EndsWith("trades at their deal prices", StringComparison.Ordinal));
        Assert.Equal(report.Trades.Count(t => t.Symbol == "EURUSD"), trades.Elements("g").Count());
        Assert.Empty(trades.Elements("polyline"));
    }

    [Fact]
    public void ToHtml_EmptyReport_StillRenders()
    {
        var report = new PerformanceReport { Kind = ReportKind.Optimization, Title = "grid", Table = new ReportTable("Passes", ["fast", "slow", "net_profit"], [[10, 30, 1.5], [5, 20, null]]) };

        var document = Parse(HtmlReportWriter.ToHtml(report));

        Assert.Empty(document.Descendants("svg"));
        var rows = document.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("n/a", rows[1].Elements("td").Last().Value);
    }

    [Fact]
    public void ToHtml_LongSeries_ThinningKeepsTheExtremes()
    {
        // 10 000 points in [0, 1] with one spike to 1000 and one dip to −1000: the scale is exactly −1000 .. 1000.
        const int N = 10_000;
        var times = Enumerable.Range(0, N).Select(i => 1_700_000_000_000 + (i * 60_000L)).ToArray();
        var equity = Enumerable.Range(0, N).Select(i => i == 4321 ? 1000 : i == 7654 ? -1000 : (i % 7) / 7.0).ToArray();
        var report = new PerformanceReport { Kind = ReportKind.Backtest, Title = "t", Curve = new EquityCurve(times, equity, equity, new double[N]) };

        var line = Parse(HtmlReportWriter.ToHtml(report)).Descendants("svg").First().Elements("polyline").Last();

        var ys = Points(line).Select(p => p.Y).ToList();
        Assert.InRange(ys.Count, 2, 4 * 826);
        Assert.Equal(28, ys.Min()); // the plot's top edge
        Assert.Equal(300 - 34, ys.Max()); // its bottom edge
    }

    private static List<(double X, double Y)> Points(XElement polyline) =>
        [.. polyline.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
