using System.Globalization;
using CsCheck;

namespace MtMcp.Engine.Tests.Properties;

/// <summary>One thing that happens to an account: a quote, a request, a deposit or the clock moving.</summary>
/// <remarks>
/// Steps name positions and orders by index into the account's current lists (modulo their count), so any
/// sequence is meaningful whatever happened before; an index into an empty list sends an unknown ticket.
/// </remarks>
public abstract record TradingStep;

/// <summary>Symbol <c>Symbol</c>'s mid moves by <c>MovePoints</c>, its spread becomes <c>SpreadPoints</c>, <c>Minutes</c> later.</summary>
public sealed record QuoteStep(int Symbol, int MovePoints, int SpreadPoints, int Minutes) : TradingStep;

/// <summary>
/// A market buy or sell of <c>Lots</c> hundredths, with SL/TP that many points away (0 = none) and filling
/// 0..3 = default, FOK, IOC, RETURN.
/// </summary>
public sealed record MarketStep(int Symbol, bool Buy, int Lots, int SlPoints, int TpPoints, int Filling, int ClientId) : TradingStep;

/// <summary>A pending order: kind 0..5 = buy limit, sell limit, buy stop, sell stop, buy stop-limit, sell stop-limit.</summary>
public sealed record PendingStep(int Symbol, int Kind, int DistancePoints, int LimitPoints, int Lots, int Lifetime, int ClientId) : TradingStep;

/// <summary>New SL/TP (and trailing stop) of a position.</summary>
public sealed record SlTpStep(int Position, int SlPoints, int TpPoints, int TrailPoints, int ClientId) : TradingStep;

/// <summary>Closes <c>Percent</c> of a position (above 100 on netting: a reversal; on hedging: too much).</summary>
public sealed record CloseStep(int Position, int Percent, int ClientId) : TradingStep;

/// <summary>Closes a position by another.</summary>
public sealed record CloseByStep(int Position, int Other, int ClientId) : TradingStep;

/// <summary>Moves a pending order's price (and stop-limit price) by <c>MovePoints</c>.</summary>
public sealed record ModifyStep(int Order, int MovePoints, int ClientId) : TradingStep;

/// <summary>Deletes a pending order.</summary>
public sealed record RemoveStep(int Order, int ClientId) : TradingStep;

/// <summary>Deposits (positive) or withdraws (negative) money.</summary>
public sealed record DepositStep(int Amount) : TradingStep;

/// <summary>The clock moves without a quote.</summary>
public sealed record AdvanceStep(int Minutes) : TradingStep;

/// <summary>The account a sequence runs on.</summary>
public sealed record AccountConfig(
    bool Hedging, string Currency, int Deposit, int Commission, int Slippage, bool NegativeBalanceProtection, int MaxFillLots)
{
    /// <summary>The engine settings for this configuration.</summary>
    public AccountSettings Settings() => new()
    {
        Info = new AccountInfo
        {
            Login = 7,
            Server = "property",
            Currency = Currency,
            Leverage = 100,
            TradeMode = AccountTradeMode.Demo,
            MarginMode = Hedging ? AccountMarginMode.RetailHedging : AccountMarginMode.RetailNetting,
        },
        Commission = Commission switch
        {
            1 => new CommissionSchedule(PerLot: 3.5m),
            2 => new CommissionSchedule(PerMillion: 25m, Sides: CommissionSides.Exit),
            3 => new CommissionSchedule(PerLot: 2m, PerMillion: 10m, Sides: CommissionSides.Entry),
            _ => CommissionSchedule.None,
        },
        Slippage = Slippage switch
        {
            1 => new SlippageModel(FixedPoints: 1, RandomPoints: 3, Seed: 11),
            _ => SlippageModel.None,
        },
        NegativeBalanceProtection = NegativeBalanceProtection,
        MaxFillVolume = MaxFillLots / 100m,
    };
}

/// <summary>A random account, a random sequence of steps and the step after which the account is restored from its state.</summary>
public sealed record Scenario(AccountConfig Config, TradingStep[] Steps, int RestoreAfter)
{
    /// <summary>Readable form for CsCheck's failure report.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Config}, restore after step {RestoreAfter}:{Environment.NewLine}  ")
        + string.Join(Environment.NewLine + "  ", Steps.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{i}: {s}")));
}

/// <summary>CsCheck generators of <see cref="Scenario"/>s.</summary>
public static class TradingGen
{
    /// <summary>One request in four carries a client order id (−1 = none) from a pool of eight, so some repeat.</summary>
    private static readonly Gen<int> s_clientId = Gen.Frequency((3, Gen.Const(-1)), (1, Gen.Int[0, 7]));

    /// <summary>Mostly small moves, sometimes a gap through several stops.</summary>
    private static readonly Gen<int> s_move = Gen.Frequency((6, Gen.Int[-400, 400]), (1, Gen.Int[-4000, 4000]));

    private static readonly Gen<int> s_symbol = Gen.Int[0, AccountDriver.TradedSymbols.Length - 1];

    private static readonly Gen<int> s_lots = Gen.Frequency((3, Gen.Int[1, 50]), (1, Gen.Int[51, 500]));

    private static readonly Gen<int> s_stopPoints = Gen.Frequency((2, Gen.Const(0)), (3, Gen.Int[1, 800]));

    private static readonly Gen<TradingStep> s_step = Gen.Frequency(
        (30, Gen.Select(Gen.Int[0, AccountDriver.QuotedSymbols.Length - 1], s_move, Gen.Int[1, 40], Gen.Int[0, 240],
            (symbol, move, spread, minutes) => (TradingStep)new QuoteStep(symbol, move, spread, minutes))),
        (18, Gen.Select(s_symbol, Gen.Bool, s_lots, s_stopPoints, s_stopPoints, Gen.Int[0, 3], s_clientId,
            (symbol, buy, lots, sl, tp, filling, id) => (TradingStep)new MarketStep(symbol, buy, lots, sl, tp, filling, id))),
        (12, Gen.Select(s_symbol, Gen.Int[0, 5], Gen.Int[0, 400], Gen.Int[0, 200], s_lots, Gen.Int[0, 3], s_clientId,
            (symbol, kind, distance, limit, lots, lifetime, id) => (TradingStep)new PendingStep(symbol, kind, distance, limit, lots, lifetime, id))),
        (7, Gen.Select(Gen.Int[0, 9], s_stopPoints, s_stopPoints, Gen.Frequency((4, Gen.Const(0)), (1, Gen.Int[5, 300])), s_clientId,
            (position, sl, tp, trail, id) => (TradingStep)new SlTpStep(position, sl, tp, trail, id))),
        (10, Gen.Select(Gen.Int[0, 9], Gen.Frequency((2, Gen.Const(100)), (3, Gen.Int[1, 150])), s_clientId,
            (position, percent, id) => (TradingStep)new CloseStep(position, percent, id))),
        (5, Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], s_clientId, (position, other, id) => (TradingStep)new CloseByStep(position, other, id))),
        (5, Gen.Select(Gen.Int[0, 9], Gen.Int[-300, 300], s_clientId, (order, move, id) => (TradingStep)new ModifyStep(order, move, id))),
        (4, Gen.Select(Gen.Int[0, 9], s_clientId, (order, id) => (TradingStep)new RemoveStep(order, id))),
        (4, Gen.Int[-5000, 5000].Select(amount => (TradingStep)new DepositStep(amount))),
        (4, Gen.Int[1, 2 * 1440].Select(minutes => (TradingStep)new AdvanceStep(minutes))));

    /// <summary>A netting or hedging account and 1..80 steps, restored after a random step.</summary>
    public static Gen<Scenario> Scenarios(bool hedging) =>
        Gen.Select(Config(hedging), s_step.Array[1, 80], Gen.Int[0, 79], (config, steps, restore) => new Scenario(config, steps, restore % steps.Length));

    private static Gen<AccountConfig> Config(bool hedging) => Gen.Select(
        Gen.OneOfConst("USD", "EUR"), Gen.OneOfConst(500, 5_000, 100_000), Gen.Int[0, 3], Gen.Int[0, 1], Gen.Bool,
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 100])),
        (currency, deposit, commission, slippage, protection, maxFill) =>
            new AccountConfig(hedging, currency, deposit, commission, slippage, protection, maxFill));
}
