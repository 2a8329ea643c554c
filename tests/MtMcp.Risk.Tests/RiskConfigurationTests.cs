using MtMcp.Testing;

namespace MtMcp.Risk.Tests;

/// <summary>Reading the risk configuration, per-account overrides, hot reload.</summary>
public sealed class RiskConfigurationTests
{
    private const string Full = """
        {
          "server": { "mode": "paper" },
          // comments and trailing commas are allowed, as in every configuration file
          "risk_management": {
            "max_drawdown_percent": 15,
            "max_daily_loss_percent": 3,
            "position_size_percent": 500,
            "correlation_limit": 0.7,
            "correlation_action": "reduce",
            "require_stop_loss": true,
            "day_boundary": "utc",
            "daily_loss_reference": "max_balance_equity",
            "flatten_on_breach": true,
            "trading_mode": "close_only",
            "price_collar_percent": 2.5,
            "max_orders_per_minute": 10,
            "max_orders_per_day": 100,
            "repeated_execution": { "count": 4, "window_seconds": 30 },
            "allowed_symbols": ["EURUSD", "GBPUSD"],
            "denied_symbols": ["BTCUSD"],
            "accounts": {
              "pro": { "max_daily_loss_percent": 8, "compliance": { "profile": "PROFESSIONAL" }, "position_limits": { "max_open_positions": 3 } },
            },
          },
          "compliance": { "profile": "US_RETAIL_FX", "leverage_limits": { "gold": 10 } },
          "position_limits": {
            "max_order_volume": 5, "max_order_notional": 250000, "max_open_positions": 20, "max_pending_orders": 30,
            "symbols": { "XAUUSD": { "max_order_volume": 1, "max_position_volume": 2 } }
          }
        }
        """;

    [Fact]
    public void Parse_EveryKey_IsBound()
    {
        var c = RiskConfiguration.Parse(Full);
        var g = c.Global;

        Assert.Equal((15.0, 3.0, 500.0, 0.7, CorrelationAction.Reduce, true), (g.MaxDrawdownPercent, g.MaxDailyLossPercent, g.PositionSizePercent, g.CorrelationLimit, g.CorrelationAction, g.RequireStopLoss));
        Assert.Equal((DayBoundary.Utc, DailyLossReference.MaxBalanceEquity, true, TradingMode.CloseOnly), (g.DayBoundary, g.DailyLossReference, g.FlattenOnBreach, g.TradingMode));
        Assert.Equal((2.5, 10, 100, 4, 30.0), (g.PriceCollarPercent, g.MaxOrdersPerMinute, g.MaxOrdersPerDay, g.RepeatedExecutionCount, g.RepeatedExecutionWindowSeconds));
        Assert.Contains("eurusd", (IReadOnlySet<string>)g.AllowedSymbols);
        Assert.Contains("BTCUSD", (IReadOnlySet<string>)g.DeniedSymbols);
        Assert.Equal(ComplianceProfile.UsRetailFx, g.Profile);
        Assert.Equal(LeverageCaps.UsRetailFx with { Gold = 10 }, g.Leverage);
        Assert.Equal((5m, 250_000.0, 20, 30), (g.MaxOrderVolume, g.MaxOrderNotional, g.MaxOpenPositions, g.MaxPendingOrders));
        Assert.Equal(new SymbolLimits(MaxOrderVolume: 1m, MaxPositionVolume: 2m), g.Symbols["xauusd"]);
    }

    [Fact]
    public void For_AccountOverride_ChangesOnlyWhatItSets()
    {
        var c = RiskConfiguration.Parse(Full);
        var pro = c.For("PRO");

        Assert.Equal(8, pro.MaxDailyLossPercent);
        Assert.Equal(3, pro.MaxOpenPositions);
        Assert.Equal(ComplianceProfile.Professional, pro.Profile);
        Assert.Equal(LeverageCaps.Professional, pro.Leverage); // the profile resets the caps to its preset
        Assert.Equal(15, pro.MaxDrawdownPercent); // inherited
        Assert.Same(c.Global, c.For("other"));
    }

    [Fact]
    public void Parse_Empty_GivesTheSafeDefaults()
    {
        var g = RiskConfiguration.Parse("{}").Global;

        Assert.Equal(new RiskLimits(), g);
        Assert.Equal((20.0, 5.0, ComplianceProfile.EuRetail, 30), (g.MaxDrawdownPercent, g.MaxDailyLossPercent, g.Profile, g.Leverage.ForexMajor));
    }

    [Fact]
    public void TryParse_Errors_AreAllReportedWithTheirPaths()
    {
        const string bad = """
            {
              "risk_management": { "max_drawdown_percent": 150, "max_orders_per_minute": "ten", "surprise": 1,
                                   "accounts": { "x": { "trading_mode": "yolo" } } },
              "compliance": { "profile": "MARS", "leverage_limits": { "forex_major": -1, "spaceships": 2 } },
              "position_limits": { "symbols": { "XAUUSD": { "max_order_volume": -2 } } }
            }
            """;

        Assert.False(RiskConfiguration.TryParse(bad, out _, out var errors));

        Assert.Equal(
            [
                "$.compliance.leverage_limits.forex_major",
                "$.compliance.leverage_limits.spaceships",
                "$.compliance.profile",
                "$.position_limits.symbols.XAUUSD.max_order_volume",
                "$.risk_management.accounts.x.trading_mode",
                "$.risk_management.max_drawdown_percent",
                "$.risk_management.max_orders_per_minute",
                "$.risk_management.surprise",
            ],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("0..100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("EU_RETAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_Throws_WithTheRootPath()
    {
        var e = Assert.Throws<RiskConfigurationException>(() => RiskConfiguration.Parse("{ nope"));

        Assert.Equal("$", Assert.Single(e.Errors).Path);
    }

    [Fact]
    public void Reload_WithErrors_KeepsTheOldConfiguration_Valid_AppliesIt()
    {
        var h = new Harness();
        var gate = h.Gate;
        var before = gate.Configuration;

        var failed = gate.Reload("""{ "position_limits": { "max_order_volume": "big" } }""");
        Assert.False(failed.Applied);
        Assert.Equal(1, failed.Version);
        Assert.Same(before, gate.Configuration);
        Assert.True(h.Evaluate(Harness.Buy(3m)).Allowed);

        var applied = gate.Reload("""{ "position_limits": { "max_order_volume": 2 } }""");
        Assert.True(applied.Applied);
        Assert.Equal(2, applied.Version);
        Assert.Equal(RiskChecks.MaxOrderVolume, h.Evaluate(Harness.Buy(3m)).Check);
    }

    [Fact]
    public void Watcher_FileChange_ReloadsTheGate_BadFileKeepsTheOld()
    {
        using var directory = new TempDirectory();
        var path = directory.File("risk.json");
        File.WriteAllText(path, "{}");
        var gate = new PreTradeGate();
        using var watcher = new RiskConfigurationWatcher(path, gate, debounce: TimeSpan.FromMilliseconds(20));
        var results = new System.Collections.Concurrent.ConcurrentQueue<RiskReloadResult>();
        watcher.Reloaded += (_, r) => results.Enqueue(r);

        File.WriteAllText(path, """{ "risk_management": { "max_daily_loss_percent": 2 } }""");
        var deadline = Environment.TickCount64 + 10_000;
        while (gate.Configuration.Global.MaxDailyLossPercent != 2 && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(2, gate.Configuration.Global.MaxDailyLossPercent);
        File.WriteAllText(path, """{ "risk_management": { "max_daily_loss_percent": true } }""");
        var bad = watcher.ReloadNow();
        Assert.False(bad.Applied);
        Assert.Equal("$.risk_management.max_daily_loss_percent", Assert.Single(bad.Errors).Path);
        Assert.Equal(2, gate.Configuration.Global.MaxDailyLossPercent);
        Assert.Contains(results, r => r.Applied);
    }
}
