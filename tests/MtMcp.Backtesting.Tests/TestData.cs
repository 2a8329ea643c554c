using MtMcp.Data.Import;
using MtMcp.Testing;

namespace MtMcp.Backtesting.Tests;

/// <summary>The backtesting.py test data sets (read in place from ../shared/data) and small helpers.</summary>
internal static class TestData
{
    private static readonly Lazy<Bar[]> s_goog = new(() => DataImporter.Import(SharedData.Path("GOOG.csv")).Bars);
    private static readonly Lazy<Bar[]> s_eurusd = new(() => DataImporter.Import(SharedData.Path("EURUSD.csv")).Bars);

    /// <summary>GOOG daily, 2004-08-19 .. 2013-03-01 (backtesting.py's <c>GOOG</c>).</summary>
    public static Bar[] Goog => s_goog.Value;

    /// <summary>backtesting.py's <c>SHORT_DATA = GOOG.iloc[:20]</c>.</summary>
    public static Bar[] ShortData => Goog[..20];

    /// <summary>EURUSD hourly (backtesting.py's <c>EURUSD</c>).</summary>
    public static Bar[] EurUsd => s_eurusd.Value;

    public static long Day(int year, int month, int day) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public static int IndexOf(Bar[] bars, long time) => Array.FindIndex(bars, b => b.Time == time);

    /// <summary>Bars with all four prices equal to each value, one a day from 2020-01-01 (for backtesting.py's range-index frames).</summary>
    public static Bar[] Flat(params double[] prices) => Flat(prices, prices);

    /// <summary>Bars with the given opens and (high = low = close) closes.</summary>
    public static Bar[] Flat(double[] open, double[] close)
    {
        var start = Day(2020, 1, 1);
        var bars = new Bar[close.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            var high = Math.Max(open[i], close[i]);
            var low = Math.Min(open[i], close[i]);
            bars[i] = new Bar(start + (i * 86_400L), open[i], high, low, close[i], 0, 0, 0);
        }

        return bars;
    }
}

/// <summary>A strategy whose OnBar runs a script with the number of the call (0 = first call), like backtesting.py's coroutine tests.</summary>
internal sealed class Scripted(Action<IStrategyContext, int> onBar) : IStrategy
{
    private int _calls;

    public void Init(IStrategyContext context)
    {
    }

    public void OnBar(IStrategyContext context) => onBar(context, _calls++);
}
