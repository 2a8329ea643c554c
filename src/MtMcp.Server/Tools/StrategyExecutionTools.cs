using System.ComponentModel;
using System.Security.Claims;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Live;
using MtMcp.Server.Market;
using MtMcp.Strategies;

namespace MtMcp.Server.Tools;

/// <summary>
/// The live half of the <c>strategy</c> toolset: start and stop strategies on paper and broker accounts. It trades, so
/// read-only mode leaves it out. The strategy's orders go through the account's order path (risk gate, audit trail with
/// the strategy id as actor), exactly as a backtest of the same strategy would place them.
/// </summary>
[McpServerToolType]
internal sealed class StrategyExecutionTools(
    ServerSettings settings, ToolRunner runner, AccountDirectory accounts, BrokerSymbols brokerSymbols, LiveStrategies? strategies = null, PaperVenue? venue = null)
{
    [McpServerTool(Name = "start_strategy", Title = "Start a strategy", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(LiveStrategyView))]
    [Description("Runs a strategy (builtin:NAME, an inline strategy-language document, or a C# strategy of a configured assembly) on a paper account on the live feed, "
        + "or on a broker account (a MetaTrader terminal on the bridge, MetaApi) on the broker's quotes: bars of the timeframe are built from the quotes, "
        + "the strategy decides at the first tick of each new bar and its market orders go out at that tick (on paper they fill there, as run_backtest "
        + "mode native), through the risk gate and the audit trail. It warms up on past bars first. Its orders carry its magic number; it keeps running "
        + "across server restarts until stop_strategy. Returns its id.")]
    public ValueTask<CallToolResult> StartStrategy(
        [Description(StrategyReferences.Description)] string? strategy = null,
        [Description("An inline strategy document (JSON text) instead of strategy.")] string? document = null,
        [Description("Account name (list_accounts): a paper account or a broker account that accepts orders; default: in live mode the first connected broker account, else the first paper account.")] string? account = null,
        [Description("Symbol; default: the strategy's first symbol.")] string? symbol = null,
        [Description("Bar timeframe (M1 … MN1); default: the strategy's timeframe, else H1.")] string? timeframe = null,
        [Description("Strategy parameter values by name, e.g. {\"fast\": 10, \"slow\": 30}; others keep their defaults.")] Dictionary<string, double>? parameters = null,
        [Description("Fixed volume of every entry in lots (a multiple of the volume step); default: the strategy's own sizing.")] double? lots = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("start_strategy", async () =>
        {
            var resolved = StrategyReferences.Resolve(settings, strategy, document);
            var symbolName = symbol ?? (resolved.Symbols.Count > 0 ? resolved.Symbols[0] : null)
                ?? throw ToolErrorException.InvalidArgument("symbol", $"Strategy {resolved.Reference} names no symbol: give symbol.");
            var tf = timeframe is null ? resolved.Timeframe ?? Timeframe.H1 : Args.Timeframe(timeframe);
            if (lots is { } l && !(l > 0 && double.IsFinite(l)))
            {
                throw ToolErrorException.InvalidArgument("lots", "lots must be a positive number of lots, e.g. 0.1.");
            }

            var service = await LiveStrategyMap.GetAsync(strategies, "start_strategy", cancellationToken).ConfigureAwait(false);
            var (name, gateway) = await AccountAsync(account, cancellationToken).ConfigureAwait(false);

            // On a broker account the strategy trades the broker's own symbol (EURUSD.m), with its specification.
            var spec = gateway is not null
                ? await BrokerAccountViews.SymbolAsync(gateway, brokerSymbols, symbolName, "symbol", cancellationToken).ConfigureAwait(false)
                : Args.Symbol(settings.Catalog, symbolName);
            try
            {
                var status = service.Start(new LiveStrategySpec
                {
                    Strategy = document is null ? resolved.Reference : resolved.Name,
                    Document = document,
                    Parameters = parameters ?? [],
                    Account = name,
                    Symbol = spec.Name,
                    Timeframe = tf,
                    Lots = lots is { } v ? (decimal)v : null,
                });
                await Audit("start", status.Record, user, cancellationToken).ConfigureAwait(false);
                return LiveStrategyMap.View(status);
            }
            catch (Exception e) when (e is ArgumentException or StrategyException)
            {
                throw ToolErrorException.InvalidArgument(parameters is { Count: > 0 } ? "parameters" : "strategy", UntrustedText.Clean(e.Message, 800));
            }
            catch (GatewayUnavailableException e)
            {
                throw LiveStrategyMap.Unavailable($"The quotes of {spec.Name} could not be subscribed on {name}; the strategy was not started.", e);
            }
        }, ServerJsonContext.Default.LiveStrategyView);

    [McpServerTool(Name = "stop_strategy", Title = "Stop a strategy", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(LiveStrategyView))]
    [Description("Stops a live strategy (it places no more orders; stopping a stopped one changes nothing). With flatten, also closes its "
        + "positions and cancels its pending orders (by its magic number) at the current quotes. Returns its final status.")]
    public ValueTask<CallToolResult> StopStrategy(
        [Description("The strategy id start_strategy returned (get_strategy_status lists them).")] string id,
        [Description("Also close its positions and cancel its pending orders (default false: they stay).")] bool? flatten = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("stop_strategy", async () =>
        {
            var service = await LiveStrategyMap.GetAsync(strategies, "stop_strategy", cancellationToken).ConfigureAwait(false);
            LiveStrategyStatus status;
            try
            {
                status = LiveStrategyMap.Find(() => service.Stop(id, flatten ?? false, TradingMap.Origin("stop_strategy", user)));
            }
            catch (GatewayUnavailableException e)
            {
                throw LiveStrategyMap.Unavailable($"Strategy {UntrustedText.Clean(id, 64)} is stopped, but its broker could not be reached to close its positions and orders; call again with flatten to retry.", e);
            }

            await Audit(flatten == true ? "stop_flatten" : "stop", status.Record, user, cancellationToken).ConfigureAwait(false);
            return LiveStrategyMap.View(status);
        }, ServerJsonContext.Default.LiveStrategyView);

    // The account by name: a broker account must be connected and accept orders from this server, else nothing starts.
    private async Task<(string Name, IBrokerGateway? Broker)> AccountAsync(string? account, CancellationToken cancellationToken)
    {
        if (accounts.TryGetBroker(account, out var gateway))
        {
            if (!gateway.IsConnected)
            {
                throw new ToolErrorException(new ToolError(ToolErrorCodes.NotAvailable,
                    $"Account '{gateway.Name}' ({gateway.Venue}) is not connected; start the strategy when it is.", Retryable: true, "account"));
            }

            return gateway.TradingEnabled
                ? (gateway.Name, gateway)
                : throw ToolErrorException.InvalidArgument("account", gateway.Info.TradeMode == AccountTradeMode.Real
                    ? $"Account '{gateway.Name}' is a REAL account: strategies, like every order, need the explicit setting trading.live.real_accounts = true."
                    : $"Account '{gateway.Name}' does not accept orders from this server: broker accounts trade in live mode (--mode live) only.");
        }

        return (TradingMap.Account(await venue!.GetAsync(cancellationToken).ConfigureAwait(false), account), null);
    }

    // Starting and stopping a strategy change what trades on the account: the audit chain records who did it.
    private async Task Audit(string action, LiveStrategyRecord record, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var origin = TradingMap.Origin(action == "start" ? "start_strategy" : "stop_strategy", user);
        var payload = new Engine.CanonicalJson()
            .Add("action", action)
            .Add("id", record.Id)
            .Add("strategy", record.Spec.Strategy)
            .Add("symbol", record.Spec.Symbol)
            .Add("timeframe", record.Spec.Timeframe.Name())
            .Add("magic", record.Magic);
        await venue!.AppendAuditAsync(
            [new Engine.AuditRecord("strategy", record.StoppedMs ?? record.StartedMs, record.Spec.Account, origin.Actor, origin.Channel, null, payload.ToString())],
            cancellationToken).ConfigureAwait(false);
    }
}
