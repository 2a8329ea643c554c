namespace MtMcp.Live;

/// <summary>A live strategy as stored: enough to resume it after a restart.</summary>
/// <param name="Id">The strategy id (also the audit trail's actor of its orders).</param>
/// <param name="Magic">The magic number of its orders, deals and positions.</param>
/// <param name="Spec">What it runs and where.</param>
/// <param name="State">Running, stopped or failed.</param>
/// <param name="StartedMs">When it was started, Unix ms UTC.</param>
/// <param name="StoppedMs">When it stopped, Unix ms UTC; null while running.</param>
/// <param name="LastOrderBar">Open time (Unix s) of the last bar on which it sent orders; 0 = none.</param>
/// <param name="FirstBar">Open time (Unix s) of the first bar it saw (warm-up included), where a resume warms up from; 0 = none yet.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
public sealed record LiveStrategyRecord(
    string Id,
    ulong Magic,
    LiveStrategySpec Spec,
    LiveStrategyState State,
    long StartedMs,
    long? StoppedMs,
    long LastOrderBar,
    string? Error,
    long FirstBar = 0);
