namespace MtMcp.Server.Tests;

/// <summary>Plain textbook calculations, written out independently of MtMcp.Indicators, to check the analysis tools.</summary>
internal static class HandIndicators
{
    /// <summary>Mean of the closes of bars end-period+1 .. end.</summary>
    public static double Sma(IReadOnlyList<double> close, int end, int period)
    {
        var sum = 0.0;
        for (var i = end - period + 1; i <= end; i++)
        {
            sum += close[i];
        }

        return sum / period;
    }

    /// <summary>Wilder's RSI as TA-Lib seeds it: simple means of the first <paramref name="period"/> changes, then Wilder smoothing.</summary>
    public static double Rsi(IReadOnlyList<double> close, int period)
    {
        double gain = 0, loss = 0;
        for (var i = 1; i <= period; i++)
        {
            var change = close[i] - close[i - 1];
            gain += Math.Max(change, 0);
            loss += Math.Max(-change, 0);
        }

        gain /= period;
        loss /= period;
        for (var i = period + 1; i < close.Count; i++)
        {
            var change = close[i] - close[i - 1];
            gain = ((gain * (period - 1)) + Math.Max(change, 0)) / period;
            loss = ((loss * (period - 1)) + Math.Max(-change, 0)) / period;
        }

        return gain + loss == 0 ? 0 : 100 * gain / (gain + loss);
    }

    /// <summary>Wilder's ATR as TA-Lib seeds it: the mean of the first <paramref name="period"/> true ranges, then Wilder smoothing.</summary>
    public static double Atr(IReadOnlyList<double> high, IReadOnlyList<double> low, IReadOnlyList<double> close, int period)
    {
        double TrueRange(int i) => Math.Max(high[i], close[i - 1]) - Math.Min(low[i], close[i - 1]);
        var atr = 0.0;
        for (var i = 1; i <= period; i++)
        {
            atr += TrueRange(i);
        }

        atr /= period;
        for (var i = period + 1; i < close.Count; i++)
        {
            atr = ((atr * (period - 1)) + TrueRange(i)) / period;
        }

        return atr;
    }

    /// <summary>Bollinger width (upper − lower) / middle × 100 with the population standard deviation of 20 closes and 2 deviations.</summary>
    public static double BollingerWidthPct(IReadOnlyList<double> close, int end)
    {
        var mean = Sma(close, end, 20);
        var variance = 0.0;
        for (var i = end - 19; i <= end; i++)
        {
            variance += (close[i] - mean) * (close[i] - mean);
        }

        return 4 * Math.Sqrt(variance / 20) / mean * 100;
    }
}
