using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>
/// The result of importing one file: either bars of one timeframe or ticks, with times in UTC
/// (bars strictly increasing; ticks non-decreasing, since real feeds carry several ticks in one millisecond).
/// </summary>
public sealed class ImportedData
{
    /// <summary>The format that was read.</summary>
    public required DataFormat Format { get; init; }

    /// <summary>The symbol from the options or the file name; null when neither names one.</summary>
    public string? Symbol { get; init; }

    /// <summary>The timeframe of <see cref="Bars"/>; null when the file holds ticks.</summary>
    public Timeframe? Timeframe { get; init; }

    /// <summary>Whether the file holds ticks (see <see cref="Ticks"/>) rather than bars.</summary>
    public bool IsTicks => Timeframe is null;

    /// <summary>The bars, oldest first; empty for tick files.</summary>
    public Bar[] Bars { get; init; } = [];

    /// <summary>The ticks, oldest first; empty for bar files.</summary>
    public Tick[] Ticks { get; init; } = [];

    /// <summary>Data lines read (headers and blank lines not counted).</summary>
    public required int RowsRead { get; init; }

    /// <summary>The point used for spreads: from the options, else inferred from the price decimals.</summary>
    public required double Point { get; init; }

    /// <summary>What the importer inferred or changed, in plain words (e.g. "timeframe inferred from bar spacing").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
