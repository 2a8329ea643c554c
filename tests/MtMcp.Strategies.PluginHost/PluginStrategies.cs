using MtMcp.Backtesting;

namespace MtMcp.Strategies.PluginHost;

/// <summary>The host's SmaCross behind a plug-in type: a loaded strategy must trade exactly as the built-in one.</summary>
public sealed class WrappedSmaCross : IStrategy
{
    private readonly SmaCross _inner = new();

    public void Init(IStrategyContext context) => _inner.Init(context);

    public void OnBar(IStrategyContext context) => _inner.OnBar(context);
}

/// <summary>Not a strategy.</summary>
public sealed class NotAStrategy
{
}

/// <summary>A strategy without a parameterless constructor.</summary>
public sealed class NeedsArgument(int period) : IStrategy
{
    public int Period { get; } = period;

    public void Init(IStrategyContext context)
    {
    }

    public void OnBar(IStrategyContext context)
    {
    }
}

/// <summary>A strategy whose constructor fails.</summary>
public sealed class ThrowingConstructor : IStrategy
{
    public ThrowingConstructor() => throw new InvalidOperationException("no licence key");

    public void Init(IStrategyContext context)
    {
    }

    public void OnBar(IStrategyContext context)
    {
    }
}

/// <summary>An abstract strategy.</summary>
public abstract class AbstractStrategy : IStrategy
{
    public abstract void Init(IStrategyContext context);

    public void OnBar(IStrategyContext context)
    {
    }
}
