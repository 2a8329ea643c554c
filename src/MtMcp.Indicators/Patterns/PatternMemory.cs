namespace MtMcp.Indicators;

/// <summary>
/// A hikkake set-up waiting for its confirmation (TA-Lib's patternIdx / patternResult): the bar it formed
/// on, its signal and the inside bar's high and low that a close must break within three bars.
/// </summary>
internal struct PatternMemory
{
    private int _bar;
    private int _signal;
    private double _high;
    private double _low;

    /// <summary>Records a set-up on <paramref name="bar"/>; returns <paramref name="signal"/>.</summary>
    public int SetUp(int bar, int signal, double insideHigh, double insideLow)
    {
        _bar = bar;
        _signal = signal;
        _high = insideHigh;
        _low = insideLow;
        return signal;
    }

    /// <summary>
    /// ±200 when <paramref name="close"/> breaks the inside bar in the set-up's direction no later than
    /// three bars after it (each set-up confirms once), else 0.
    /// </summary>
    public int Confirm(int bar, double close)
    {
        if (bar <= _bar + 3 && ((_signal > 0 && close > _high) || (_signal < 0 && close < _low)))
        {
            // TA-Lib forgets the set-up's bar but keeps its signal.
            _bar = 0;
            return _signal + (_signal > 0 ? 100 : -100);
        }

        return 0;
    }
}
