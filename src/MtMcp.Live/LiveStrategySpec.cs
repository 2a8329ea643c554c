namespace MtMcp.Live;

/// <summary>What to run: a strategy, its parameters, and where (account, symbol, timeframe).</summary>
public sealed record LiveStrategySpec
{
    /// <summary><c>builtin:NAME</c>, or a name for an inline <see cref="Document"/>.</summary>
    public required string Strategy { get; init; }

    /// <summary>An inline strategy-language document (JSON text); null for a built-in.</summary>
    public string? Document { get; init; }

    /// <summary>Parameter values by name; the others keep their defaults.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>The account traded.</summary>
    public required string Account { get; init; }

    /// <summary>Where the account is: <c>paper</c>, or the broker gateway's venue (<c>metatrader</c>, <c>metaapi</c>); set by <see cref="LiveStrategyService.Start"/>.</summary>
    public string Venue { get; init; } = LiveStrategyService.PaperVenue;

    /// <summary>The symbol traded (the feed must quote it).</summary>
    public required string Symbol { get; init; }

    /// <summary>The timeframe of the bars the strategy sees.</summary>
    public required Timeframe Timeframe { get; init; }

    /// <summary>Fixed volume of every entry in lots; null = the strategy's own sizing.</summary>
    public decimal? Lots { get; init; }
}
