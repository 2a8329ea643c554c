using System.Collections.Frozen;

namespace MtMcp.Risk.Tests;

/// <summary>Every check of the gate: at the limit passes, just over fails with the check's code.</summary>
public sealed class PreTradeGateTests
{
    private static RiskLimits With(Func<RiskLimits, RiskLimits> change) => change(Harness.Open());

    private static void AssertRefused(GateDecision decision, string check)
    {
        Assert.False(decision.Allowed, decision.Message);
        Assert.Equal(check, decision.Check);
        Assert.False(string.IsNullOrWhiteSpace(decision.Message));
    }

    private static void AssertAllowed(GateDecision decision) => Assert.True(decision.Allowed, decision.Check + ": " + decision.Message);

    [Fact]
    public void Evaluate_MaxOrderVolume_AtLimitPasses_JustOverFails()
    {
        var h = new Harness(With(l => l with { MaxOrderVolume = 1m }));

        AssertAllowed(h.Evaluate(Harness.Buy(1m)));
        AssertRefused(h.Evaluate(Harness.Buy(1.01m)), RiskChecks.MaxOrderVolume);
    }

    [Fact]
    public void Evaluate_SymbolVolumeOverride_AppliesToThatSymbolOnly()
    {
        var h = new Harness(With(l => l with { MaxOrderVolume = 2m, Symbols = new Dictionary<string, SymbolLimits> { ["XAUUSD"] = new(MaxOrderVolume: 0.5m) }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) }));

        AssertAllowed(h.Evaluate(Harness.Buy(0.5m, "XAUUSD")));
        AssertRefused(h.Evaluate(Harness.Buy(0.51m, "XAUUSD")), RiskChecks.MaxOrderVolume);
        AssertAllowed(h.Evaluate(Harness.Buy(2m)));
    }

    [Fact]
    public void Evaluate_MaxOrderNotional_AtLimitPasses_JustOverFails()
    {
        // 1 lot EURUSD at 1.2 = 100,000 × 1.2 = 120,000 USD.
        var h = new Harness(With(l => l with { MaxOrderNotional = 120_000 }));

        AssertAllowed(h.Evaluate(Harness.Buy(1m)));
        AssertRefused(h.Evaluate(Harness.Buy(1.01m)), RiskChecks.MaxOrderNotional);
    }

    [Fact]
    public void Evaluate_MaxOrderNotional_ConvertsToTheAccountCurrency()
    {
        // 1 lot USDJPY at 150 = 15,000,000 JPY = 100,000 USD.
        var h = new Harness(With(l => l with { MaxOrderNotional = 100_000 }));

        AssertAllowed(h.Evaluate(Harness.Buy(1m, "USDJPY")));
        AssertRefused(h.Evaluate(Harness.Buy(1.01m, "USDJPY")), RiskChecks.MaxOrderNotional);
    }

    [Fact]
    public void Evaluate_MaxOpenPositions_AtLimitPasses_JustOverFails()
    {
        var h = new Harness(With(l => l with { MaxOpenPositions = 2 }));
        h.Open("EURUSD", OrderType.Buy, 0.1m);

        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        h.Open("EURUSD", OrderType.Buy, 0.1m);
        AssertRefused(h.Evaluate(Harness.Buy(0.1m)), RiskChecks.MaxOpenPositions);
    }

    [Fact]
    public void Evaluate_MaxOpenPositions_NettingAddsToThePositionWithoutANewOne()
    {
        var h = new Harness(With(l => l with { MaxOpenPositions = 1 }), AccountMarginMode.RetailNetting);
        h.Open("EURUSD", OrderType.Buy, 0.1m);

        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        AssertRefused(h.Evaluate(Harness.Buy(0.1m, "GBPUSD")), RiskChecks.MaxOpenPositions);
    }

    [Fact]
    public void Evaluate_MaxPendingOrders_AtLimitPasses_JustOverFails()
    {
        var h = new Harness(With(l => l with { MaxPendingOrders = 2 }));
        Assert.Equal(TradeRetcode.Done, h.Account.Send(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.19)).Retcode);

        AssertAllowed(h.Evaluate(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.18)));
        Assert.Equal(TradeRetcode.Done, h.Account.Send(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.18)).Retcode);
        AssertRefused(h.Evaluate(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.17)), RiskChecks.MaxPendingOrders);
    }

    [Fact]
    public void Evaluate_MaxPositionVolume_CountsTheOpenVolumeInTheDirection()
    {
        var h = new Harness(With(l => l with { Symbols = new Dictionary<string, SymbolLimits> { ["EURUSD"] = new(MaxPositionVolume: 1m) }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) }));
        h.Open("EURUSD", OrderType.Buy, 0.5m);
        h.Open("EURUSD", OrderType.Sell, 0.9m);

        AssertAllowed(h.Evaluate(Harness.Buy(0.5m)));
        AssertRefused(h.Evaluate(Harness.Buy(0.51m)), RiskChecks.MaxPositionVolume);
        AssertAllowed(h.Evaluate(Harness.Market("EURUSD", OrderType.Sell, 0.1m)));
        AssertRefused(h.Evaluate(Harness.Market("EURUSD", OrderType.Sell, 0.11m)), RiskChecks.MaxPositionVolume);
    }

    [Fact]
    public void Evaluate_PositionSizePercent_AtLimitPasses_JustOverFails()
    {
        // 1200 % of 10,000 = 120,000 USD = 1 lot EURUSD at 1.2; 0.4 lot already open.
        var h = new Harness(With(l => l with { PositionSizePercent = 1200 }));
        h.Open("EURUSD", OrderType.Buy, 0.4m);

        AssertAllowed(h.Evaluate(Harness.Buy(0.6m)));
        AssertRefused(h.Evaluate(Harness.Buy(0.61m)), RiskChecks.MaxPositionSize);
    }

    [Fact]
    public void Evaluate_EsmaLeverage_MajorPairAt30To1()
    {
        // EU retail: 30 × 10,000 = 300,000 USD of major-pair notional = 2.5 lots EURUSD at 1.2.
        var h = new Harness(With(l => l with { Profile = ComplianceProfile.EuRetail, Leverage = LeverageCaps.EuRetail }));

        AssertAllowed(h.Evaluate(Harness.Buy(2.5m)));
        AssertRefused(h.Evaluate(Harness.Buy(2.51m)), RiskChecks.LeverageLimit);
    }

    [Fact]
    public void Evaluate_EsmaLeverage_SumsTheClassesOfTheResultingExposure()
    {
        // Gold at 20:1: 0.5 lot = 100,000 USD needs 5,000; EURUSD at 30:1 then has 5,000 × 30 = 150,000 = 1.25 lots left.
        var h = new Harness(With(l => l with { Profile = ComplianceProfile.EuRetail, Leverage = LeverageCaps.EuRetail }));
        h.Open("XAUUSD", OrderType.Buy, 0.5m);

        AssertAllowed(h.Evaluate(Harness.Buy(1.25m)));
        AssertRefused(h.Evaluate(Harness.Buy(1.26m)), RiskChecks.LeverageLimit);
    }

    [Fact]
    public void Evaluate_Leverage_UsProfileTreatsAudUsdAsMajor_EuProfileDoesNot()
    {
        // AUDUSD at 0.5: 50,000 USD per lot. EU: non-major 20:1 → 200,000 = 4 lots. US: 50:1 → 500,000 = 10 lots.
        var eu = new Harness(With(l => l with { Profile = ComplianceProfile.EuRetail, Leverage = LeverageCaps.EuRetail }));
        var us = new Harness(With(l => l with { Profile = ComplianceProfile.UsRetailFx, Leverage = LeverageCaps.UsRetailFx }));

        AssertAllowed(eu.Evaluate(Harness.Buy(4m, "AUDUSD")));
        AssertRefused(eu.Evaluate(Harness.Buy(4.01m, "AUDUSD")), RiskChecks.LeverageLimit);
        AssertAllowed(us.Evaluate(Harness.Buy(10m, "AUDUSD")));
        AssertRefused(us.Evaluate(Harness.Buy(10.01m, "AUDUSD")), RiskChecks.LeverageLimit);
    }

    [Fact]
    public void Evaluate_ProfessionalProfile_HasNoLeverageCap()
    {
        var h = new Harness(With(l => l with { Profile = ComplianceProfile.Professional, Leverage = LeverageCaps.Professional }));

        AssertAllowed(h.Evaluate(Harness.Buy(50m)));
    }

    [Fact]
    public void Evaluate_PriceCollar_AtLimitPasses_JustOverFails()
    {
        // 5 % of 1.2 = 0.06: a buy limit at 1.14 is at the collar.
        var h = new Harness(With(l => l with { PriceCollarPercent = 5 }));

        AssertAllowed(h.Evaluate(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.14)));
        AssertRefused(h.Evaluate(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.13999)), RiskChecks.PriceCollar);
        AssertRefused(h.Evaluate(Harness.Limit(OrderType.SellLimit, 0.1m, 1.26001)), RiskChecks.PriceCollar);
    }

    [Fact]
    public void Evaluate_PriceCollar_AppliesToModifyingAPendingOrder()
    {
        var h = new Harness(With(l => l with { PriceCollarPercent = 5 }));
        var placed = h.Account.Send(Harness.Limit(OrderType.BuyLimit, 0.1m, 1.19));

        AssertAllowed(h.Evaluate(new TradeRequest { Action = TradeAction.Modify, Order = placed.Order, Price = 1.14 }));
        AssertRefused(h.Evaluate(new TradeRequest { Action = TradeAction.Modify, Order = placed.Order, Price = 1.13 }), RiskChecks.PriceCollar);
    }

    [Fact]
    public void Evaluate_OrdersPerMinute_AtLimitPasses_JustOverFails_ThenTheWindowMoves()
    {
        var h = new Harness(With(l => l with { MaxOrdersPerMinute = 3 }));
        for (var i = 0; i < 3; i++)
        {
            AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
            h.Advance(10_000);
        }

        AssertRefused(h.Evaluate(Harness.Buy(0.1m)), RiskChecks.MaxOrdersPerMinute);
        h.Advance(30_001); // the first order is now more than 60 s old
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
    }

    [Fact]
    public void Evaluate_OrdersPerMinute_CountsTheActorAcrossAccounts()
    {
        var limits = With(l => l with { MaxOrdersPerMinute = 2 });
        var a = new Harness(limits, name: "a");
        var b = new TradingAccount("b", a.Account.Settings, a.Board, 10_000m, a.Now);
        AssertAllowed(a.Evaluate(Harness.Buy(0.1m)));
        AssertAllowed(a.Gate.Evaluate(b, Harness.Buy(0.1m), Harness.Agent));

        var refused = a.Gate.Evaluate(b, Harness.Buy(0.1m), Harness.Agent);
        AssertRefused(refused, RiskChecks.MaxOrdersPerMinute);
        Assert.Contains("agent-1", refused.Message, StringComparison.Ordinal);
        AssertAllowed(a.Gate.Evaluate(b, Harness.Buy(0.1m), new TradeOrigin("agent-2", "mcp:place_order")));
    }

    [Fact]
    public void Evaluate_OrdersPerDay_AtLimitPasses_JustOverFails_ResetsNextServerDay()
    {
        // Server time is UTC+2: the day starts at 22:00 UTC; T0 is 10:00 UTC.
        var h = new Harness(With(l => l with { MaxOrdersPerDay = 2 }));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        AssertRefused(h.Evaluate(Harness.Buy(0.1m)), RiskChecks.MaxOrdersPerDay);

        h.Advance((11 * 3_600_000) + 59 * 60_000); // 21:59 UTC: same server day
        AssertRefused(h.Evaluate(Harness.Buy(0.1m)), RiskChecks.MaxOrdersPerDay);
        h.Advance(60_000); // 22:00 UTC
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
    }

    [Fact]
    public void Evaluate_CloseOrders_AlwaysPassAndAreCounted()
    {
        var h = new Harness(With(l => l with { MaxOrdersPerMinute = 1, TradingMode = TradingMode.CloseOnly, RequireStopLoss = true }));
        var opened = h.Open("EURUSD", OrderType.Buy, 0.2m);
        h.Gate.Engage("acc", Harness.Agent, "test");

        var close = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.2m, Position = opened.Position };
        AssertAllowed(h.Evaluate(close));
        AssertAllowed(h.Evaluate(close));
        AssertAllowed(h.Evaluate(new TradeRequest { Action = TradeAction.Remove, Order = 99 }));
    }

    [Fact]
    public void Evaluate_StopLossRequired_RefusesNewRiskAndRemovingAStop()
    {
        var h = new Harness(With(l => l with { RequireStopLoss = true }));

        AssertRefused(h.Evaluate(Harness.Buy(0.1m)), RiskChecks.StopLossRequired);
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m, sl: 1.19)));
        var opened = h.Open("EURUSD", OrderType.Buy, 0.1m, sl: 1.19);
        AssertRefused(h.Evaluate(new TradeRequest { Action = TradeAction.SlTp, Position = opened.Position, StopLoss = 0, TakeProfit = 1.3 }), RiskChecks.StopLossRequired);
        AssertAllowed(h.Evaluate(new TradeRequest { Action = TradeAction.SlTp, Position = opened.Position, StopLoss = 1.195 }));
    }

    [Fact]
    public void Evaluate_SymbolLists_DenyAndAllow()
    {
        var deny = new Harness(With(l => l with { DeniedSymbols = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "XAUUSD") }));
        var allow = new Harness(With(l => l with { AllowedSymbols = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "EURUSD", "GBPUSD") }));

        AssertRefused(deny.Evaluate(Harness.Buy(0.1m, "xauusd")), RiskChecks.SymbolDenied);
        AssertAllowed(deny.Evaluate(Harness.Buy(0.1m)));
        AssertAllowed(allow.Evaluate(Harness.Buy(0.1m, "GBPUSD")));
        AssertRefused(allow.Evaluate(Harness.Buy(0.1m, "USDJPY")), RiskChecks.SymbolNotAllowed);
    }

    [Fact]
    public void Evaluate_TradingMode_CloseOnlyRefusesNewRisk_DisabledAlsoAmendments()
    {
        var closeOnly = new Harness(With(l => l with { TradingMode = TradingMode.CloseOnly }));
        var disabled = new Harness(With(l => l with { TradingMode = TradingMode.Disabled }));
        var opened = disabled.Open("EURUSD", OrderType.Buy, 0.1m);

        AssertRefused(closeOnly.Evaluate(Harness.Buy(0.1m)), RiskChecks.TradingMode);
        AssertRefused(disabled.Evaluate(new TradeRequest { Action = TradeAction.SlTp, Position = opened.Position, StopLoss = 1.1 }), RiskChecks.TradingMode);
    }

    [Fact]
    public void Evaluate_DailyLoss_AtLimitPasses_JustOverBlocksNewRiskUntilTheNextDay()
    {
        // 5 % of the start-of-day equity 10,000 = 500 USD = 1 lot EURUSD moving 0.005.
        var h = new Harness(With(l => l with { MaxDailyLossPercent = 5 }));
        AssertAllowed(h.Evaluate(Harness.Buy(1m)));
        var opened = h.Open("EURUSD", OrderType.Buy, 1m);

        h.Quote("EURUSD", 1.195);
        AssertAllowed(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")));
        h.Quote("EURUSD", 1.19499);
        AssertRefused(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")), RiskChecks.DailyLossLimit);
        h.Quote("EURUSD", 1.2); // recovering does not lift the block the same day
        AssertRefused(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")), RiskChecks.DailyLossLimit);
        AssertAllowed(h.Evaluate(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 1m, Position = opened.Position }));

        h.Advance(12 * 3_600_000); // past 22:00 UTC, the server's midnight
        AssertAllowed(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")));
    }

    [Fact]
    public void Evaluate_DailyLoss_MaxBalanceEquityReference_UsesTheLarger()
    {
        // A gate that first sees the account with balance 10,000 and equity 10,600 (open profit) takes 10,600 as the
        // day's reference; 5 % = 530, reached at equity 10,070 = EURUSD 1.2007.
        var h = new Harness();
        h.Open("EURUSD", OrderType.Buy, 1m);
        h.Quote("EURUSD", 1.206);
        var gate = new PreTradeGate(RiskConfiguration.Create(With(l => l with { MaxDailyLossPercent = 5, DailyLossReference = DailyLossReference.MaxBalanceEquity })));
        AssertAllowed(gate.Evaluate(h.Account, Harness.Buy(0.01m, "GBPUSD"), Harness.Agent));

        h.Quote("EURUSD", 1.2007);
        AssertAllowed(gate.Evaluate(h.Account, Harness.Buy(0.01m, "GBPUSD"), Harness.Agent));
        h.Quote("EURUSD", 1.20069);
        AssertRefused(gate.Evaluate(h.Account, Harness.Buy(0.01m, "GBPUSD"), Harness.Agent), RiskChecks.DailyLossLimit);
    }

    [Fact]
    public void Evaluate_Drawdown_FromThePeak_LatchesUntilAnAdminResets()
    {
        // Peak 11,000 (1 lot EURUSD bought at 1.2, up 0.01); 10 % drawdown = 9,900 = price 1.199.
        var h = new Harness(With(l => l with { MaxDrawdownPercent = 10 }));
        h.Open("EURUSD", OrderType.Buy, 1m);
        h.Quote("EURUSD", 1.21);
        h.Quote("EURUSD", 1.199);
        AssertAllowed(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")));
        h.Quote("EURUSD", 1.19899);
        AssertRefused(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")), RiskChecks.MaxDrawdown);
        h.Quote("EURUSD", 1.205);
        AssertRefused(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")), RiskChecks.MaxDrawdown);

        Assert.Throws<UnauthorizedAccessException>(() => h.Gate.ResetDrawdown("acc", admin: false));
        Assert.True(h.Gate.ResetDrawdown("acc", admin: true));
        AssertAllowed(h.Evaluate(Harness.Buy(0.01m, "GBPUSD")));
    }

    [Fact]
    public void OnCommitted_Breach_IsRaisedOnceWithTheFlattenFlag()
    {
        var h = new Harness(With(l => l with { MaxDailyLossPercent = 5, FlattenOnBreach = true }));
        var breaches = new List<RiskBreachEventArgs>();
        h.Gate.Breached += (_, e) => breaches.Add(e);
        h.Evaluate(Harness.Buy(1m));
        h.Open("EURUSD", OrderType.Buy, 1m);

        h.Quote("EURUSD", 1.19);
        h.Quote("EURUSD", 1.18);

        var breach = Assert.Single(breaches);
        Assert.Equal((RiskChecks.DailyLossLimit, true, "acc"), (breach.Check, breach.Flatten, breach.Account));
        Assert.Equal(10, breach.Value, 9); // 1,000 of 10,000
    }

    [Fact]
    public void Evaluate_KillSwitch_BlocksNewRiskPerAccountAndGlobally()
    {
        var h = new Harness();
        var opened = h.Open("EURUSD", OrderType.Buy, 0.1m);

        Assert.True(h.Gate.Engage("acc", Harness.Agent, "operator test"));
        Assert.False(h.Gate.Engage("acc", Harness.Agent, "again"));
        var refused = h.Evaluate(Harness.Buy(0.1m));
        AssertRefused(refused, RiskChecks.KillSwitch);
        Assert.Contains("operator test", refused.Message, StringComparison.Ordinal);
        AssertAllowed(h.Evaluate(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.1m, Position = opened.Position }));
        Assert.True(h.Gate.Release("acc", Harness.Agent));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));

        h.Gate.Engage(null, Harness.Agent, "global");
        AssertRefused(h.Evaluate(Harness.Buy(0.1m)), RiskChecks.KillSwitch);
        Assert.True(h.Gate.Release(null, Harness.Agent));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
    }

    [Fact]
    public void Evaluate_RepeatedExecution_NIdenticalInTheWindowDisableTheActorUntilAnAdminReenables()
    {
        var h = new Harness(With(l => l with { RepeatedExecutionCount = 3, RepeatedExecutionWindowSeconds = 10 }));
        var other = new TradeOrigin("agent-2", "mcp:place_order");
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        h.Advance(11_000); // out of the window: forgotten
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        h.Advance(1_000);
        AssertAllowed(h.Evaluate(Harness.Buy(0.2m))); // not identical
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m))); // the third identical within 10 s: allowed, trips the breaker

        AssertRefused(h.Evaluate(Harness.Buy(0.3m, "GBPUSD")), RiskChecks.RepeatedExecution);
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m), other));
        Assert.Contains("agent-1", h.Gate.DisabledActors.Keys);
        Assert.Throws<UnauthorizedAccessException>(() => h.Gate.ReenableActor("agent-1", admin: false));
        Assert.True(h.Gate.ReenableActor("agent-1", admin: true));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m)));
    }

    [Fact]
    public void Evaluate_Correlation_RefusesSameDirectionCorrelatedExposure()
    {
        // GBPUSD returns are twice EURUSD's (ρ = +1), USDCHF's are the negative (ρ = −1), USDJPY's unrelated.
        double[] eur = [0.01, -0.02, 0.015, -0.005, 0.002];
        var returns = new ReturnSeriesTable()
            .Set("EURUSD", eur)
            .Set("GBPUSD", eur.Select(r => 2 * r).ToArray())
            .Set("USDCHF", eur.Select(r => -r).ToArray())
            .Set("USDJPY", [0.01, 0.01, -0.01, -0.01, 0.0]);
        var h = new Harness(With(l => l with { CorrelationLimit = 0.8 }), returns: returns);
        h.Open("EURUSD", OrderType.Buy, 1m);

        AssertRefused(h.Evaluate(Harness.Buy(0.1m, "GBPUSD")), RiskChecks.CorrelationLimit);
        AssertAllowed(h.Evaluate(Harness.Market("GBPUSD", OrderType.Sell, 0.1m)));
        AssertRefused(h.Evaluate(Harness.Market("USDCHF", OrderType.Sell, 0.1m)), RiskChecks.CorrelationLimit);
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m, "USDCHF")));
        AssertAllowed(h.Evaluate(Harness.Buy(0.1m, "USDJPY")));
    }

    [Fact]
    public void Evaluate_CorrelationReduce_CutsTheOrderToTheSharedBudget()
    {
        // Budget 2000 % × 10,000 = 200,000; EURUSD 1 lot = 120,000 uses it; GBPUSD 125,000 per lot → 80,000 / 125,000 = 0.64 lot.
        double[] eur = [0.01, -0.02, 0.015, -0.005, 0.002];
        var returns = new ReturnSeriesTable().Set("EURUSD", eur).Set("GBPUSD", eur.Select(r => 2 * r).ToArray());
        var h = new Harness(With(l => l with { CorrelationLimit = 0.8, CorrelationAction = CorrelationAction.Reduce, PositionSizePercent = 2000 }), returns: returns);
        h.Open("EURUSD", OrderType.Buy, 1m);

        var decision = h.Evaluate(Harness.Buy(1m, "GBPUSD"));

        AssertAllowed(decision);
        Assert.Equal(RiskChecks.CorrelationLimit, decision.Check);
        Assert.Equal(0.64m, decision.Request.Volume);
        Assert.Equal(0.64m, h.Account.Send(decision.Request).Volume);
    }

    [Fact]
    public void Evaluate_ConversionWithoutQuote_RefusesRatherThanGuess()
    {
        // EURGBP's profit currency GBP converts through GBPUSD; without its quote the exposure has no USD value.
        var h = new Harness(With(l => l with { MaxOrderNotional = 1_000_000 }));
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        board.Update(h.Id("EURGBP"), 0.86, 0.86, Harness.T0);
        var account = new TradingAccount("lonely", h.Account.Settings, board, 10_000m, Harness.T0);

        AssertRefused(h.Gate.Evaluate(account, Harness.Buy(0.1m, "EURGBP"), Harness.Agent), RiskChecks.LeverageLimit);
    }
}
