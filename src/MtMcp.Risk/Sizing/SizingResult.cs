namespace MtMcp.Risk;

/// <summary>The answer of a <see cref="PositionSizer"/> method, with the figures that produced it.</summary>
public sealed record SizingResult
{
    /// <summary>The volume to trade, in lots, on the symbol's volume grid; 0 when <see cref="Problem"/> is set.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Why no volume fits (e.g. the stop is too wide for the risk budget); null when <see cref="Volume"/> is usable.</summary>
    public string? Problem { get; init; }

    /// <summary>The money at risk the size was computed for, account currency (0 for fixed lots).</summary>
    public double RiskMoney { get; init; }

    /// <summary>Stop distance in ticks (0 when there is no stop).</summary>
    public double StopTicks { get; init; }

    /// <summary>Value of one tick for one lot on the loss side (SYMBOL_TRADE_TICK_VALUE_LOSS), account currency.</summary>
    public double TickValueLoss { get; init; }

    /// <summary>Round-turn commission per lot, account currency.</summary>
    public double CommissionPerLot { get; init; }

    /// <summary>Loss per lot if the stop is hit: stop ticks × tick value + commission, account currency.</summary>
    public double LossPerLot { get; init; }

    /// <summary>The unrounded volume (risk money / loss per lot), before the grid and the symbol's limits.</summary>
    public double RawVolume { get; init; }

    /// <summary>Whether the volume was cut to the symbol's maximum volume.</summary>
    public bool Capped { get; init; }

    /// <summary>The loss if the stop is hit with <see cref="Volume"/>, account currency.</summary>
    public double LossAtStop => (double)Volume * LossPerLot;
}
