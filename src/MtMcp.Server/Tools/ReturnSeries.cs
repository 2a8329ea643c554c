using MtMcp.Domain;
using MtMcp.Risk;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>Bar return series for the risk report and the correlation matrix, from the history <c>get_bars</c> serves.</summary>
internal static class ReturnSeries
{
    /// <summary>Log returns of the last <paramref name="periods"/> bars of each symbol, from the history <c>get_bars</c> serves.</summary>
    public static ReturnSeriesTable Table(SymbolCatalog catalog, MarketHistory history, IEnumerable<string> symbols, Timeframe timeframe, int periods)
    {
        var table = new ReturnSeriesTable();
        foreach (var symbol in symbols)
        {
            var spec = Args.Symbol(catalog, symbol);
            var (bars, _) = history.GetBars(spec, timeframe, null, null, periods + 1);
            if (bars.Length < 3)
            {
                continue;
            }

            var closes = new double[bars.Length];
            for (var i = 0; i < bars.Length; i++)
            {
                closes[i] = bars[i].Close;
            }

            table.SetFromCloses(spec.Name, closes);
        }

        return table;
    }

    /// <summary>The returns timeframe argument: H1 or D1.</summary>
    public static Timeframe ParseTimeframe(string? text)
    {
        var tf = text is null ? Timeframe.H1 : Args.Timeframe(text);
        return tf is Timeframe.H1 or Timeframe.D1 ? tf : throw ToolErrorException.InvalidArgument("timeframe", "Returns are taken from H1 or D1 bars.");
    }

    /// <summary>A row-major n × n matrix as rows, NaN as null.</summary>
    public static IReadOnlyList<IReadOnlyList<double?>> Matrix(double[] values, int n)
    {
        var rows = new List<IReadOnlyList<double?>>(n);
        for (var i = 0; i < n; i++)
        {
            var row = new double?[n];
            for (var j = 0; j < n; j++)
            {
                row[j] = double.IsFinite(values[(i * n) + j]) ? values[(i * n) + j] : null;
            }

            rows.Add(row);
        }

        return rows;
    }
}
