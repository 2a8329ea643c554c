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
    /// <summary>Runs over bars of <paramref name="timeframe"/> with the <see cref="NativeModel.OpenPrices"/> or <see cref="NativeModel.M1Ohlc"/> model.</summary>
    /// <exception cref="ArgumentException">No bars, a tick model given, or an unknown symbol or parameter.</exception>
    public static NativeResult RunBars(
        ReadOnlyMemory<Bar> bars, Timeframe timeframe, NativeModel model, IStrategy strategy, StrategyParameters? parameters = null, NativeOptions? options = null)
    {
        if (model == NativeModel.RealTicks)
        {
            throw new ArgumentException("Bars cannot be replayed as real ticks: use RunTicks.", nameof(model));
        }

        if (bars.IsEmpty)
        {
            throw new ArgumentException("No bars to backtest.", nameof(bars));
        }

        var runner = new NativeRunner(strategy, parameters ?? StrategyParameters.Empty, options ?? new NativeOptions(), bars.Length);
        var span = bars.Span;
        var length = timeframe.Seconds() * 1000;
        var point = runner.Spec.Point;
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var bar = ref span[i];
            var spread = (runner.Options.SpreadPoints > 0 ? runner.Options.SpreadPoints : bar.Spread) * point;
            var t0 = bar.Time * 1000;
            runner.Quote(t0, bar.Open, bar.Open + spread);
            if (i > 0)
            {
                runner.BarClosed(span[i - 1]);
            }

            if (model == NativeModel.M1Ohlc)
            {
                // Reference B.2: O → L → H → C for a bullish bar, O → H → L → C for a bearish one.
                var (first, second) = bar.Close >= bar.Open ? (bar.Low, bar.High) : (bar.High, bar.Low);
                runner.Quote(t0 + (length / 4), first, first + spread);
                runner.Quote(t0 + (length / 2), second, second + spread);
                runner.Quote(t0 + length - 1, bar.Close, bar.Close + spread);
            }
        }

        runner.BarClosed(span[^1]);
        return runner.Finish(model, span.Length);
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

        var runner = new NativeRunner(strategy, parameters ?? StrategyParameters.Empty, options ?? new NativeOptions(), 0);
        var span = ticks.Span;
        var point = runner.Spec.Point;
        Bar current = default;
        var bars = 0;
        foreach (ref readonly var tick in span)
        {
            var open = timeframe.BarOpenTime(tick.TimeMs / 1000);
            runner.Quote(tick.TimeMs, tick.Bid, tick.Ask);
            if (bars > 0 && open == current.Time)
            {
                current = current with
                {
                    High = Math.Max(current.High, tick.Bid),
                    Low = Math.Min(current.Low, tick.Bid),
                    Close = tick.Bid,
                    TickVolume = current.TickVolume + 1,
                    Spread = Math.Min(current.Spread, (int)Math.Round((tick.Ask - tick.Bid) / point)),
                };
                continue;
            }

            if (bars > 0)
            {
                runner.BarClosed(current);
            }

            current = new Bar(open, tick.Bid, tick.Bid, tick.Bid, tick.Bid, 1, (int)Math.Round((tick.Ask - tick.Bid) / point), 0);
            bars++;
        }

        runner.BarClosed(current);
        return runner.Finish(NativeModel.RealTicks, span.Length);
    }
}
