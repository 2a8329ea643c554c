using MtMcp.Domain;
using MtMcp.Indicators;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Analysis;

/// <summary>
/// The summary of one timeframe's bars behind <c>analyze_market</c>: indicator values on the newest bar and the labels
/// derived from them. The thresholds are the textbook ones and are documented with each label in docs/mcp-server.md.
/// </summary>
internal static class MarketAnalyzer
{
    /// <summary>Bars loaded per timeframe: SMA 200 with its slope, ADX convergence and the Bollinger width window fit.</summary>
    public const int BarsWanted = 400;

    /// <summary>Bars over which the SMA 50 slope is measured.</summary>
    public const int SlopeBars = 10;

    /// <summary>Bars of Bollinger widths the newest width is ranked among.</summary>
    public const int WidthWindow = 100;

    /// <summary>Fewest earlier widths a percentile is given for.</summary>
    public const int MinWidths = 20;

    /// <summary>Newest bars searched for candlestick patterns.</summary>
    public const int PatternBars = 3;

    /// <summary>ADX at or above which a trend is strong.</summary>
    public const double StrongAdx = 25;

    /// <summary>ADX below which a trend is weak.</summary>
    public const double WeakAdx = 20;

    /// <summary>Analyses <paramref name="bars"/> (oldest first, at least one).</summary>
    public static TimeframeAnalysis Analyze(Bar[] bars, Timeframe timeframe, string source)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bars.Length);
        var series = new IndicatorBars(bars);
        var last = bars.Length - 1;
        var close = bars[last].Close;
        return new TimeframeAnalysis(timeframe.Name(), source, bars.Length, Args.FormatSeconds(bars[last].Time), close,
            Trend(series, close), Momentum(series), Volatility(series, close), Levels(series), Patterns(series, bars));
    }

    private static TrendView Trend(IndicatorBars series, double close)
    {
        var sma50 = series.Run("sma", ("time_period", 50))[0];
        var sma200 = series.Run("sma", ("time_period", 200))[0];
        var adx = series.Run("adx", ("time_period", 14))[0];
        var supertrend = series.Run("supertrend", ("atr_period", 10), ("multiplier", 3));
        var fast = Last(sma50);
        var slow = Last(sma200);
        var before = At(sma50, series.Length - 1 - SlopeBars);
        double? slope = fast is { } f && before is { } b && b != 0 ? ((f / b) - 1) * 100 : null;
        var direction = fast is not { } f1 || slow is not { } s1 || slope is not { } m ? "unknown"
            : close > f1 && f1 > s1 && m > 0 ? "uptrend"
            : close < f1 && f1 < s1 && m < 0 ? "downtrend"
            : "sideways";
        var strength = Last(adx) switch
        {
            null => null,
            >= StrongAdx => "strong",
            < WeakAdx => "weak",
            _ => "moderate",
        };
        var side = Last(supertrend[1]) switch
        {
            > 0 => "up",
            < 0 => "down",
            _ => null,
        };
        return new TrendView(direction, fast, slow, slope, Last(adx), strength, Last(supertrend[0]), side);
    }

    private static MomentumView Momentum(IndicatorBars series)
    {
        var rsi = Last(series.Run("rsi", ("time_period", 14))[0]);
        var histogram = series.Run("macd", ("fast_period", 12), ("slow_period", 26), ("signal_period", 9))[2];
        var stoch = series.Run("stoch", ("fast_k_period", 14), ("slow_k_period", 3), ("slow_d_period", 3));
        var hist = Last(histogram);
        var previous = At(histogram, series.Length - 2);
        var cross = hist is not { } h || previous is not { } p ? null
            : p <= 0 && h > 0 ? "bullish"
            : p >= 0 && h < 0 ? "bearish"
            : "none";
        var bias = rsi is not { } r || hist is not { } h2 ? "unknown"
            : r > 50 && h2 > 0 ? "bullish"
            : r < 50 && h2 < 0 ? "bearish"
            : "mixed";
        var k = Last(stoch[0]);
        return new MomentumView(bias, rsi, State(rsi, 70, 30), hist, cross, k, Last(stoch[1]), State(k, 80, 20));
    }

    private static VolatilityView Volatility(IndicatorBars series, double close)
    {
        var atr = Last(series.Run("atr", ("time_period", 14))[0]);
        var bands = series.Run("bbands", ("time_period", 20), ("nb_dev_up", 2), ("nb_dev_dn", 2));
        var n = series.Length;
        var width = Width(bands, n - 1);
        double? percentile = null;
        if (width is { } current)
        {
            // The share of the window's earlier widths strictly below the newest: a flat market (equal widths) ranks 0, not 100.
            int valid = 0, below = 0;
            for (var i = Math.Max(0, n - WidthWindow); i < n - 1; i++)
            {
                if (Width(bands, i) is { } w)
                {
                    valid++;
                    below += w < current ? 1 : 0;
                }
            }

            percentile = valid >= MinWidths ? 100.0 * below / valid : null;
        }

        var regime = percentile switch
        {
            null => null,
            >= 80 => "high",
            <= 20 => "low",
            _ => "normal",
        };
        return new VolatilityView(atr, atr is { } a && close != 0 ? a / close * 100 : null, width, percentile, regime);
    }

    private static LevelsView Levels(IndicatorBars series)
    {
        var pivots = series.Run("pivots_classic");
        var swings = series.Run("support_resistance", ("strength", 5), ("swings", 10));
        var donchian = series.Run("donchian", ("time_period", 20));
        return new LevelsView(Last(pivots[0]), Last(pivots[1]), Last(pivots[2]), Last(pivots[3]), Last(pivots[4]), Last(pivots[5]), Last(pivots[6]),
            Last(swings[0]), Last(swings[2]), Last(donchian[0]), Last(donchian[2]));
    }

    private static List<PatternHit> Patterns(IndicatorBars series, Bar[] bars) =>
        series.PatternHits(IndicatorRegistry.All.Where(i => i.Info.Group == IndicatorGroup.PatternRecognition), Math.Max(0, bars.Length - PatternBars));

    private static double? Width(double[][] bands, int i) =>
        i >= 0 && double.IsFinite(bands[0][i]) && double.IsFinite(bands[2][i]) && bands[1][i] is var middle && double.IsFinite(middle) && middle != 0
            ? (bands[0][i] - bands[2][i]) / middle * 100
            : null;

    private static string? State(double? value, double high, double low) => value switch
    {
        null => null,
        var v when v >= high => "overbought",
        var v when v <= low => "oversold",
        _ => "neutral",
    };

    private static double? Last(double[] values) => At(values, values.Length - 1);

    private static double? At(double[] values, int i) => i >= 0 && i < values.Length && double.IsFinite(values[i]) ? values[i] : null;
}
