namespace MtMcp.Backtesting;

/// <summary>
/// A trading strategy written in C#. The backtester (both modes) and, later, the live runner call it the same way:
/// <see cref="Init"/> once before the first bar, then <see cref="OnBar"/> after every closed bar from the first bar on
/// which all its indicators have a value (and one bar of history before it, so crossovers can look back).
/// </summary>
/// <remarks>Implementations keep their own state; one instance serves one run.</remarks>
public interface IStrategy
{
    /// <summary>Reads the parameters and creates the indicators through <paramref name="context"/>.</summary>
    void Init(IStrategyContext context);

    /// <summary>Called after bar <see cref="IStrategyContext.BarIndex"/> closed; orders placed here fill on the next price.</summary>
    void OnBar(IStrategyContext context);

    /// <summary>
    /// Called on every tick in the native tick modes, before the tick's bar is complete; the default does nothing.
    /// Orders placed here fill on the next tick.
    /// </summary>
    void OnTick(IStrategyContext context)
    {
    }
}
