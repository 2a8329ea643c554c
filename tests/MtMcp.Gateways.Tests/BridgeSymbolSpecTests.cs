using System.Text.Json;
using MtMcp.Gateways.Bridge.Wire;
using MtMcp.Testing.Bridge;

namespace MtMcp.Gateways.Tests;

/// <summary><c>symbol.spec</c> from a terminal to the engine's <see cref="SymbolSpec"/>, over real loopback sockets.</summary>
public sealed class BridgeSymbolSpecTests : IAsyncLifetime
{
    private BridgeHarness _bridge = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _bridge = new BridgeHarness();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bridge.DisposeAsync();

    [Theory]
    [InlineData(7200)]
    [InlineData(-18000)]
    [InlineData(19800)]
    public async Task GetSymbolSpecAsync_EveryCatalogueSymbol_TheTerminalsSpecificationWithSessionsBackInUtc(int offsetSeconds)
    {
        var terminal = new SimulatedTerminal(2001, offsetSeconds: offsetSeconds);
        await _bridge.Start(terminal).StartAsync().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var gateway = await _bridge.GatewayAsync(BridgeHarness.Key(2001));

        foreach (var expected in SymbolCatalog.BuiltIn)
        {
            var spec = await gateway.GetSymbolSpecAsync(expected.Name, Ct);

            // The terminal sends its sessions on its own clock; the gateway must put them back where the catalogue has them.
            Assert.Equal(expected.TradeSessions, spec.TradeSessions);
            Assert.Equal(expected.QuoteSessions, spec.QuoteSessions);
            Assert.Equal(EsmaLeverage.Infer(expected.CalcMode, expected.CurrencyBase, expected.CurrencyProfit, expected.Path), spec.AssetClass);
            // (The catalogue leaves most tick sizes at their default of one point; the terminal states it.)
            Assert.Equal(expected with { TickSize = expected.TickSize }, spec with { TradeSessions = expected.TradeSessions, QuoteSessions = expected.QuoteSessions, AssetClass = expected.AssetClass });
        }
    }

    [Fact]
    public async Task GetSymbolSpecAsync_SymbolTheTerminalLacks_BrokerSymbolExceptionNamingIt()
    {
        var (_, _, gateway) = await _bridge.ConnectAsync();

        var ex = await Assert.ThrowsAsync<BrokerSymbolException>(() => gateway.GetSymbolSpecAsync("EURUSD.pro", Ct));

        Assert.Contains("EURUSD.pro", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SYMBOL_NOT_FOUND", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSymbolSpecAsync_TerminalNotConnected_GatewayUnavailable()
    {
        var (_, ea, gateway) = await _bridge.ConnectAsync();
        ea.AutoReconnect = false;
        ea.Drop();
        await Poll.UntilAsync(() => !gateway.IsConnected, "the gateway sees the terminal gone");

        await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.GetSymbolSpecAsync("EURUSD", Ct));
    }

    [Fact]
    public void ToSpec_Mt4Subset_SwapTypeMarginCurrencyAndDefaultsForTheMissingFlags()
    {
        // What the MQL4 EA sends: no filling, expiration or order modes, swap_type instead of swap_mode, no rollover day.
        var wire = JsonSerializer.Deserialize("""
            {"symbol":"GBPJPYm","description":"Pound vs Yen","path":"Forex","currency_base":"GBP","currency_profit":"JPY","currency_margin":"GBP",
             "digits":3,"point":0.001,"trade_tick_size":0.001,"trade_tick_value":0.0064,"spread":25,"spread_float":true,
             "trade_contract_size":100000,"trade_calc_mode":"SYMBOL_CALC_MODE_FOREX","trade_mode":"SYMBOL_TRADE_MODE_FULL",
             "trade_exemode":"SYMBOL_TRADE_EXECUTION_MARKET","trade_stops_level":10,"trade_freeze_level":0,"volume_digits":2,
             "volume_min":0.01,"volume_max":50,"volume_step":0.01,"margin_initial":0,"margin_maintenance":0,"margin_hedged":50000,
             "margin_required":1900.5,"swap_type":3,"swap_long":-1.25,"swap_short":0.4,
             "sessions_quote":[[],[[0,86400]],[[0,86400]],[[0,86400]],[[0,86400]],[[0,79200]],[]],
             "sessions_trade":[[],[[0,86400]],[[0,86400]],[[0,86400]],[[0,86400]],[[0,79200]],[]]}
            """, BridgeJsonContext.Default.WireSymbolSpec)!;

        var spec = BridgeSymbolSpecs.ToSpec(wire, TimeSpan.FromHours(2), "USD");

        Assert.Equal("GBPJPYm", spec.Name);
        Assert.Equal(EsmaAssetClass.MajorCurrencyPair, spec.AssetClass);
        Assert.Equal(SymbolSwapMode.CurrencyMargin, spec.SwapMode);
        Assert.Equal(DayOfWeek.Wednesday, spec.SwapRollover3Days);
        Assert.Equal(SymbolFillingFlags.Fok | SymbolFillingFlags.Ioc, spec.FillingFlags);
        Assert.Equal(10, spec.StopsLevel);
        Assert.Equal(50m, spec.VolumeMax);
        Assert.Equal(0, spec.TickPrice);

        // Monday 00:00 on a UTC+2 clock is Sunday 22:00 UTC; Friday's 22:00 close is 20:00 UTC.
        Assert.Equal(new TradingSession(DayOfWeek.Sunday, 1320, 1440), spec.TradeSessions[0]);
        Assert.Equal(new TradingSession(DayOfWeek.Friday, 0, 1200), spec.TradeSessions[^1]);
    }

    [Fact]
    public void ToSpec_SpecificationTheEngineCannotModel_UnsupportedWithTheReason()
    {
        var wire = new WireSymbolSpec
        {
            Symbol = "BTCUSDT", CurrencyBase = "BTC", CurrencyProfit = "USDT", CurrencyMargin = "BTC", Digits = 2, Point = 0.01, TradeTickSize = 0.01,
            TradeContractSize = 1, TradeCalcMode = "SYMBOL_CALC_MODE_CFD", TradeMode = "SYMBOL_TRADE_MODE_FULL", VolumeMin = 0.01m, VolumeMax = 10, VolumeStep = 0.01m,
        };

        var ex = Assert.Throws<BridgeException>(() => BridgeSymbolSpecs.ToSpec(wire, TimeSpan.Zero, "USD"));

        Assert.Equal(BridgeErrorCodes.Unsupported, ex.Code);
        Assert.Contains("3-letter", ex.Message, StringComparison.Ordinal);
    }
}
