namespace MtMcp.Engine;

/// <summary>
/// The kill switch of a trade gate (RTS 6 Art. 12): while engaged for an account (or globally) the gate refuses every
/// risk-increasing request; closing positions and cancelling orders stay possible. The host cancels pending orders
/// and, if asked, closes positions when it engages it.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IKillSwitch
{
    /// <summary>Engages the switch for <paramref name="account"/>, or for every account when null.</summary>
    /// <returns>True when it was not engaged for that scope before.</returns>
    bool Engage(string? account, TradeOrigin origin, string reason);

    /// <summary>Releases the switch for <paramref name="account"/>, or the global one when null (an account's own engagement stays).</summary>
    /// <returns>True when it was engaged for that scope.</returns>
    bool Release(string? account, TradeOrigin origin);

    /// <summary>Whether the switch blocks <paramref name="account"/> (its own engagement or the global one).</summary>
    bool IsEngaged(string account);
}
