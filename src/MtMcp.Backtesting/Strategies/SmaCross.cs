using MtMcp.Indicators;

namespace MtMcp.Backtesting;

/// <summary>
/// <c>builtin:sma_cross</c>: SMA(<c>fast</c>) and SMA(<c>slow</c>) of the close; when the fast crosses above the slow,
/// close any position and go long with all the available margin; the mirror image on a cross below. The same rules as
/// backtesting.py's <c>SmaCross</c> test strategy.
/// </summary>
public sealed class SmaCross : IStrategy
{
    private IndicatorSeries? _fast;
    private IndicatorSeries? _slow;

    /// <summary>Default fast period.</summary>
    public const int DefaultFast = 10;

    /// <summary>Default slow period.</summary>
    public const int DefaultSlow = 20;

    /// <inheritdoc />
    public void Init(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fast = context.Parameters.Integer("fast", DefaultFast);
        var slow = context.Parameters.Integer("slow", DefaultSlow);
        _fast = context.Indicator(new Sma.Stream(fast));
        _slow = context.Indicator(new Sma.Stream(slow));
    }

    /// <inheritdoc />
    public void OnBar(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IndicatorSeries.CrossOver(_fast!, _slow!))
        {
            context.ClosePosition();
            context.Buy();
        }
        else if (IndicatorSeries.CrossOver(_slow!, _fast!))
        {
            context.ClosePosition();
            context.Sell();
        }
    }
}
