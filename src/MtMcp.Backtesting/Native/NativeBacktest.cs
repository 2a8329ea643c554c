using MtMcp.Engine;

namespace MtMcp.Backtesting;

/// <summary>
/// Backtests on the real engine (MT5 semantics): the strategy trades a <see cref="TradingAccount"/> of a
/// <see cref="SimulatedVenue"/> fed with ticks, so fills are at bid/ask, volumes in lots, with margin, commission and swaps,
/// exactly as in paper trading. <see cref="IStrategy.OnBar"/> runs at the first tick of the next bar (as an MT5 expert
/// sees a new bar), so its market orders fill at that tick. Open positions are closed at the last tick (end of test).
/// </summary>
/// <remarks>Deterministic: the engine reads no clock, and two runs over the same inputs give the same ledger.</remarks>
public static class NativeBacktest
{
    /// <summary>
    /// Runs over bars of <paramref name="timeframe"/> with a bar model: <see cref="NativeModel.OpenPrices"/>,
    /// <see cref="NativeModel.M1Ohlc"/> or <see cref="NativeModel.GeneratedTicks"/> (give M1 bars for MT5's "every tick").
    /// The strategy sees the bars as given; the run streams them (no copy).
    /// </summary>
    /// <exception cref="ArgumentException">No bars, <see cref="NativeModel.RealTicks"/> or an undefined model, or an unknown symbol or parameter.</exception>
    public static NativeResult RunBars(
        ReadOnlyMemory<Bar> bars, Timeframe timeframe, NativeModel model, IStrategy strategy, StrategyParameters? parameters = null, NativeOptions? options = null)
    {
        if (model is not (NativeModel.OpenPrices or NativeModel.M1Ohlc or NativeModel.GeneratedTicks))
        {
            throw new ArgumentException(
                model == NativeModel.RealTicks
                    ? "Bars cannot be replayed as real ticks: use RunTicks."
                    : $"Unknown model {model}: use OpenPrices, M1Ohlc or GeneratedTicks.",
                nameof(model));
        }

        if (bars.IsEmpty)
        {
            throw new ArgumentException("No bars to backtest.", nameof(bars));
        }

        var runner = new NativeRunner(strategy, parameters ?? StrategyParameters.Empty, options ?? new NativeOptions(), bars);
        var span = bars.Span;
        var length = timeframe.Seconds() * 1000;
        var point = runner.Spec.Point;
        var digits = runner.Spec.Digits;
        var fixedSpread = runner.Options.SpreadPoints;
        var bullish = false;
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var bar = ref span[i];
            var spread = (fixedSpread > 0 ? fixedSpread : bar.Spread) * point;
            var t0 = bar.Time * 1000;
            if (model == NativeModel.GeneratedTicks)
            {
                var generator = new TickGenerator(bar, length, digits, bullish);
                generator.MoveNext();
                runner.Quote(generator.TimeMs, generator.Bid, generator.Bid + spread);
                CloseBefore(runner, i);
                while (generator.MoveNext())
                {
                    runner.Quote(generator.TimeMs, generator.Bid, generator.Bid + spread);
                }

                bullish = generator.Bullish;
                continue;
            }

            runner.Quote(t0, bar.Open, bar.Open + spread);
            CloseBefore(runner, i);
            if (model == NativeModel.M1Ohlc)
            {
                // Reference B.2: O → L → H → C for a bullish bar, O → H → L → C for a bearish one.
                var (first, second) = bar.Close >= bar.Open ? (bar.Low, bar.High) : (bar.High, bar.Low);
                runner.Quote(t0 + (length / 4), first, first + spread);
                runner.Quote(t0 + (length / 2), second, second + spread);
                runner.Quote(t0 + length - 1, bar.Close, bar.Close + spread);
            }
        }

        runner.BarClosed(span.Length - 1);
        return runner.Finish(model, span.Length);
    }

    // A bar closes at the first tick of the next one, which is when the strategy sees it (as an MT5 expert does).
    private static void CloseBefore(NativeRunner runner, int index)
    {
        if (index > 0)
        {
            runner.BarClosed(index - 1);
        }
    }

    /// <summary>Runs over recorded ticks, building bars of <paramref name="timeframe"/> from the bid.</summary>
    /// <exception cref="ArgumentException">No ticks, or an unknown symbol or parameter.</exception>
    public static NativeResult RunTicks(
        ReadOnlyMemory<Tick> ticks, Timeframe timeframe, IStrategy strategy, StrategyParameters? parameters = null, NativeOptions? options = null)
    {
        if (ticks.IsEmpty)
        {
            throw new ArgumentException("No ticks to backtest.", nameof(ticks));
        }

        var runner = new NativeRunner(strategy, parameters ?? StrategyParameters.Empty, options ?? new NativeOptions(), ReadOnlyMemory<Bar>.Empty);
        var span = ticks.Span;
        var builder = new TickBars(timeframe, runner.Spec.Point);
        foreach (ref readonly var tick in span)
        {
            runner.Quote(tick.TimeMs, tick.Bid, tick.Ask);
            if (builder.Add(tick, out var closed))
            {
                runner.BarClosed(closed);
            }
        }

        runner.BarClosed(builder.Current);
        return runner.Finish(NativeModel.RealTicks, span.Length);
    }
}
