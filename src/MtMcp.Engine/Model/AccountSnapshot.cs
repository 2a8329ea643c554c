namespace MtMcp.Engine;

/// <summary>The account's money at one moment, per MT5's formulas (see <c>docs/engine.md</c>).</summary>
public sealed record AccountSnapshot
{
    /// <summary>The static description (currency, leverage, modes, stop-out levels).</summary>
    public required AccountInfo Info { get; init; }

    /// <summary>Balance: deposits plus realised profits, commissions and swaps.</summary>
    public required decimal Balance { get; init; }

    /// <summary>Credit granted by the broker.</summary>
    public decimal Credit { get; init; }

    /// <summary>Floating profit of open positions including their swaps (and commissions), in the account currency.</summary>
    public required double Profit { get; init; }

    /// <summary>Balance + credit + floating profit.</summary>
    public required double Equity { get; init; }

    /// <summary>Margin held by open positions, in the account currency.</summary>
    public required double Margin { get; init; }

    /// <summary>Equity − margin.</summary>
    public double MarginFree => Equity - Margin;

    /// <summary>Equity / margin × 100; null when no margin is used.</summary>
    public double? MarginLevel => Margin > 0 ? Equity / Margin * 100 : null;

    /// <summary>
    /// Whether the account is at or below its margin call level (margin level in percent mode, equity in money
    /// mode; never while no margin is used).
    /// </summary>
    public bool MarginCall { get; init; }

    /// <summary>Time of the snapshot (the last quote the account saw), Unix ms UTC.</summary>
    public required long TimeMs { get; init; }
}
