using MtMcp.Backtesting;
using MtMcp.Indicators;

namespace MtMcp.Live.Tests;

/// <summary>
/// Acts by the bar's minute after <see cref="MinuteFeed.StartMs"/> (so a restart changes nothing): buys 0.1 lot on the
/// 10:01 bar, closes on 10:03, buys again on 10:05; throws on the bar of minute <c>fail</c> when given.
/// </summary>
internal sealed class ScriptedStrategy : IStrategy
{
    private int _fail;

    public void Init(IStrategyContext context)
    {
        _fail = context.Parameters.Integer("fail", int.MaxValue);
        context.Indicator(new Sma.Stream(1));
    }

    public void OnBar(IStrategyContext context)
    {
        var minute = (context.Bars[context.BarIndex].Time - (MinuteFeed.StartMs / 1000)) / 60;
        if (minute == _fail)
        {
            throw new InvalidOperationException("scripted failure");
        }

        switch (minute)
        {
            case 1 or 5:
                context.Buy(size: 10_000, tag: "scripted");
                break;
            case 3:
                context.ClosePosition();
                break;
        }
    }
}
