using MtMcp.Domain;
using MtMcp.Server.Analysis;

namespace MtMcp.Server.Tests;

/// <summary>The labels of analyze_market on constructed bars whose trend, momentum and volatility are known by construction.</summary>
public sealed class MarketAnalyzerTests
{
    private const long Start = 1_767_225_600; // 2026-01-01T00:00:00Z

    // A drift of about `step` per hour, gathering pace (so MACD keeps rising with it), with a small two-bar zigzag so
    // every indicator is defined; the last `burst` bars swing ten times wider.
    private static Bar[] Drift(int count, double step, int burst = 0)
    {
        var bars = new Bar[count];
        for (var i = 0; i < count; i++)
        {
            var swing = i >= count - burst ? 0.01 : 0.001;
            var open = 1.1 + (step * (i + (i * i / 400.0)));
            var close = open + (step * (1 + (i / 200.0))) + (i % 2 == 0 ? swing : -swing / 2);
            bars[i] = new Bar(Start + (i * 3600L), open, Math.Max(open, close) + 0.0005, Math.Min(open, close) - 0.0005, close, 100, 0, 0);
        }

        return bars;
    }

    [Fact]
    public void Analyze_SteadyRise_IsAStrongBullishUptrend()
    {
        var view = MarketAnalyzer.Analyze(Drift(400, 0.0005), Timeframe.H1, "demo");
        Assert.Equal("uptrend", view.Trend.Direction);
        Assert.Equal("strong", view.Trend.Strength);
        Assert.Equal("up", view.Trend.SupertrendSide);
        Assert.True(view.Trend.Sma50SlopePct > 0);
        Assert.Equal("bullish", view.Momentum.Bias);
        Assert.True(view.Momentum.Rsi > 50);
        Assert.True(view.Levels.DonchianHigh >= view.Close);
    }

    [Fact]
    public void Analyze_SteadyFall_IsAStrongBearishDowntrend()
    {
        var view = MarketAnalyzer.Analyze(Drift(400, -0.0005), Timeframe.H1, "demo");
        Assert.Equal("downtrend", view.Trend.Direction);
        Assert.Equal("strong", view.Trend.Strength);
        Assert.Equal("down", view.Trend.SupertrendSide);
        Assert.Equal("bearish", view.Momentum.Bias);
        Assert.True(view.Momentum.Rsi < 50);
    }

    [Fact]
    public void Analyze_WideSwingsAtTheEnd_AreAHighVolatilityRegime()
    {
        var quiet = MarketAnalyzer.Analyze(Drift(400, 0.0001), Timeframe.H1, "demo");
        var burst = MarketAnalyzer.Analyze(Drift(400, 0.0001, burst: 10), Timeframe.H1, "demo");
        Assert.Equal("high", burst.Volatility.Regime);
        Assert.True(burst.Volatility.BollingerWidthPercentile >= 90);
        Assert.True(burst.Volatility.Atr > 2 * quiet.Volatility.Atr);
    }

    [Fact]
    public void Analyze_FlatMarket_IsALowVolatilityRegime()
    {
        var bars = new Bar[200];
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = new Bar(Start + (i * 3600L), 1.1, 1.1, 1.1, 1.1, 1, 0, 0);
        }

        var view = MarketAnalyzer.Analyze(bars, Timeframe.H1, "demo");
        Assert.Equal(0, view.Volatility.BollingerWidthPct);
        Assert.Equal(0, view.Volatility.BollingerWidthPercentile);
        Assert.Equal("low", view.Volatility.Regime);
        Assert.Equal(0, view.Trend.Sma50SlopePct);
        Assert.Equal("sideways", view.Trend.Direction); // no slope: neither up nor down
    }

    [Fact]
    public void Analyze_TooFewBars_LeavesLongIndicatorsUnknown()
    {
        var view = MarketAnalyzer.Analyze(Drift(30, 0.0005), Timeframe.H1, "demo");
        Assert.Equal("unknown", view.Trend.Direction);
        Assert.Null(view.Trend.Sma50);
        Assert.Null(view.Trend.Sma200);
        Assert.Null(view.Volatility.BollingerWidthPercentile);
        Assert.Null(view.Volatility.Regime);
        Assert.NotNull(view.Momentum.Rsi);
        Assert.Equal(30, view.Bars);
    }
}
