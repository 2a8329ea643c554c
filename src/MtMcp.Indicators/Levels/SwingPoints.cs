namespace MtMcp.Indicators;

/// <summary>
/// Swing highs and lows by MetaTrader's fractal rule, generalised to <c>strength</c> bars on each side: the middle
/// bar of a window of <c>2 · strength + 1</c> bars is a swing high when its high is above the highs of the
/// <c>strength</c> later bars and not below those of the <c>strength</c> earlier ones (so of equal highs the later
/// bar is the swing, as in MetaTrader's Fractals); a swing low mirrors it. A swing is known only when the window's last bar closes,
/// <c>strength</c> bars after the swing.
/// </summary>
internal static class SwingPoints
{
    /// <summary>Whether the middle of <paramref name="highs"/> (odd length) is a swing high.</summary>
    public static bool IsHigh(ReadOnlySpan<double> highs)
    {
        var middle = highs.Length / 2;
        var value = highs[middle];
        for (var k = 1; k <= middle; k++)
        {
            if (!(value >= highs[middle - k] && value > highs[middle + k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the middle of <paramref name="lows"/> (odd length) is a swing low.</summary>
    public static bool IsLow(ReadOnlySpan<double> lows)
    {
        var middle = lows.Length / 2;
        var value = lows[middle];
        for (var k = 1; k <= middle; k++)
        {
            if (!(value <= lows[middle - k] && value < lows[middle + k]))
            {
                return false;
            }
        }

        return true;
    }
}
