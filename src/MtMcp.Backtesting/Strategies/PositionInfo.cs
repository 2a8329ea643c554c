namespace MtMcp.Backtesting;

/// <summary>The net position.</summary>
/// <param name="Size">Signed size in units (backtesting.py mode) or lots (native mode); 0 when flat.</param>
/// <param name="Profit">Open profit in the account currency.</param>
public readonly record struct PositionInfo(double Size, double Profit)
{
    /// <summary>Whether the net position is long.</summary>
    public bool IsLong => Size > 0;

    /// <summary>Whether the net position is short.</summary>
    public bool IsShort => Size < 0;

    /// <summary>Whether there is no position.</summary>
    public bool IsFlat => Size == 0;
}
