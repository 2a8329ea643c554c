namespace MtMcp.Live;

/// <summary>The lifecycle of a live strategy.</summary>
public enum LiveStrategyState
{
    /// <summary>Trading on every tick of its symbol.</summary>
    Running,

    /// <summary>Stopped by request; its positions stay unless it was flattened.</summary>
    Stopped,

    /// <summary>Stopped because the strategy threw or could not be restored; see <see cref="LiveStrategyRecord.Error"/>.</summary>
    Failed,
}
