using MtMcp.Domain;
using Microsoft.Extensions.DependencyInjection;
using MtMcp.Server.Market;
using MtMcp.Testing.Bridge;

namespace MtMcp.Server.Tests;

/// <summary>
/// A server with the bridge listening on a loopback port and one simulated terminal (login 5001, 10,000 USD at 1:100,
/// EURUSD 1.08510/1.08512) connected to it, returned once its account is listed. With a suffix the broker names every
/// catalogue symbol with it (EURUSD.m), as many brokers do.
/// </summary>
internal static class BridgedServer
{
    public const string Account = "mt5-5001";

    public static async Task<(ServerHarness Server, SimulatedTerminal Terminal, SimulatedEa Ea)> StartAsync(
        Func<ServerSettings, ServerSettings> configure, string token, long quoteMs, string tradeMode = "ACCOUNT_TRADE_MODE_DEMO", string symbolSuffix = "")
    {
        var server = await ServerHarness.StartAsync(s => configure(s) with { Bridge = new BridgeSettings("127.0.0.1:0", token) });
        var symbols = symbolSuffix.Length == 0 ? SymbolCatalog.BuiltIn : new SymbolCatalog(SymbolCatalog.BuiltIn.Select(s => s with { Name = s.Name + symbolSuffix }));
        var terminal = new SimulatedTerminal(5001, tradeMode, symbols: symbols);
        terminal.Quote("EURUSD" + symbolSuffix, 1.08510, 1.08512, quoteMs);
        var ea = new SimulatedEa(terminal, server.Services.GetRequiredService<BridgeHost>().LocalEndPoint!, token);
        await ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var until = Environment.TickCount64 + 10_000;
        while (!(await server.CallOkAsync("list_accounts")).GetProperty("accounts").EnumerateArray().Any(a => a.GetProperty("name").GetString() == Account))
        {
            Assert.True(Environment.TickCount64 < until, $"{Account} never appeared in list_accounts");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return (server, terminal, ea);
    }
}
