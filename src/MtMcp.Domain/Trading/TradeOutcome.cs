namespace MtMcp.Domain;

/// <summary>The plain meaning of a trade result, one class per retcode.</summary>
public enum TradeOutcome
{
    /// <summary>The request completed: a deal was executed or the change applied.</summary>
    Filled,

    /// <summary>Only part of the volume was executed.</summary>
    Partial,

    /// <summary>The order was accepted and is working; no deal yet.</summary>
    Placed,

    /// <summary>The request equals the current state; nothing changed.</summary>
    NoChange,

    /// <summary>Definitely not executed; the same request would fail again.</summary>
    Rejected,

    /// <summary>Definitely not executed; it may succeed later (new price, back-off).</summary>
    Retryable,

    /// <summary>May or may not have executed: reconcile before doing anything else.</summary>
    Uncertain,
}
