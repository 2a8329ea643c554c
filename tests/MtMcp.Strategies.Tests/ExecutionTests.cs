using MtMcp.Backtesting;

namespace MtMcp.Strategies.Tests;

/// <summary>How rules become orders, checked on GOOG against the bars themselves.</summary>
public class ExecutionTests
{
    private static BacktestResult Run(string fields) =>
        CompatBacktest.Run(TestData.Goog, new LanguageStrategy(StrategyDocument.Parse(TestData.Document(fields))));

    [Fact]
    public void StopLossAndTakeProfit_AreDistancesFromTheSignalBarsClose()
    {
        var result = Run("  \"long_entry\": \"close > close[1]\",\n  \"long_exit\": \"close < close[3]\",\n  \"stop_loss\": \"25\",\n  \"take_profit\": \"40\",\n  \"size\": { \"mode\": \"units\", \"value\": 3 }");
        var bars = TestData.Goog;

        Assert.True(result.Trades.Count > 20);
        foreach (var trade in result.Trades)
        {
            // Market orders fill at the next open: the signal bar is the one before the entry bar.
            var signalClose = bars[trade.EntryBar - 1].Close;
            Assert.Equal(3, trade.Size);
            Assert.Equal(signalClose - 25, trade.StopLoss, 1e-9);
            Assert.Equal(signalClose + 40, trade.TakeProfit, 1e-9);
            Assert.Equal("long_entry", trade.Tag);
        }
    }

    [Fact]
    public void RiskPercentSizing_RisksThatShareOfEquityAtTheStop()
    {
        var result = Run("  \"long_entry\": \"crossover(sma(close, 5), sma(close, 20))\",\n  \"long_exit\": \"crossunder(sma(close, 5), sma(close, 20))\",\n"
            + "  \"stop_loss\": \"30\",\n  \"size\": { \"mode\": \"risk_pct\", \"value\": 2 }");

        Assert.True(result.Trades.Count > 5);
        foreach (var trade in result.Trades)
        {
            // Equity at the signal bar (the bar before the entry) × 2 % / 30 per unit, floored.
            var equity = result.Equity[trade.EntryBar - 1];
            Assert.Equal(Math.Floor(equity * 0.02 / 30), trade.Size);
        }
    }

    [Fact]
    public void Session_BlocksEntriesOnExcludedDays()
    {
        var result = Run("  \"long_entry\": \"close > open\",\n  \"long_exit\": \"close < open\",\n  \"session\": { \"days\": [\"mon\", \"tue\"] }");

        Assert.True(result.Trades.Count > 20);
        foreach (var trade in result.Trades)
        {
            var signal = DateTimeOffset.FromUnixTimeSeconds(TestData.Goog[trade.EntryBar - 1].Time).DayOfWeek;
            Assert.True(signal is DayOfWeek.Monday or DayOfWeek.Tuesday, signal.ToString());
        }
    }

    [Fact]
    public void Filter_FalseEverywhere_MeansNoTrades()
    {
        var result = Run("  \"long_entry\": \"close > open\",\n  \"filter\": \"close < 0\"");

        Assert.Empty(result.Trades);
    }
}
