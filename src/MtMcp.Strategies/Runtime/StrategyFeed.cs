using MtMcp.Indicators;

namespace MtMcp.Strategies;

/// <summary>
/// The compiled strategy's state machine, registered with the backtester as one streaming "indicator": every bar goes
/// through the longer timeframes (longest first), then the strategy's own; its single output is defined from the first
/// bar on which every indicator the strategy uses is past its warm-up, which is how the backtester's warm-up rule
/// (backtesting.py's) sees the strategy's indicators.
/// </summary>
internal sealed class StrategyFeed(Clock primary, Clock[] longer, IndicatorNode[] indicators) : IStreamingIndicator
{
    private static readonly IndicatorInfo s_info = new(
        "strategy_feed", "Strategy language evaluation", IndicatorGroup.OverlapStudies,
        [InputSeries.Open, InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Volume, InputSeries.Time],
        [],
        [new OutputInfo("ready", "0 once every indicator of the strategy has a value, NaN before")],
        IsTaLib: false);

    private bool _ready = indicators.Length == 0;

    public IndicatorInfo Info => s_info;

    public int Count { get; private set; }

    public bool IsReady => _ready;

    public Clock Primary => primary;

    public void Add(in StreamBar bar)
    {
        var closeTime = bar.Time + primary.Seconds;
        foreach (var clock in longer)
        {
            clock.Fold(bar.Time, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, closeTime);
        }

        primary.Bar(bar.Time, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume);
        Count++;
        if (!_ready)
        {
            _ready = AllReady();
        }
    }

    /// <exception cref="NotSupportedException">Always: strategies are evaluated on closed bars only.</exception>
    public void UpdateLast(in StreamBar bar) =>
        throw new NotSupportedException("A language strategy is evaluated on closed bars only.");

    public double Value(int output) => _ready ? 0 : double.NaN;

    private bool AllReady()
    {
        foreach (var indicator in indicators)
        {
            if (!indicator.Stream.IsReady)
            {
                return false;
            }
        }

        return true;
    }
}
