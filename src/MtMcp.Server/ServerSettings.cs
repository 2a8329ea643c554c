using MtMcp.DemoMarket;
using MtMcp.Domain;

namespace MtMcp.Server;

/// <summary>Everything the MCP server is composed from: mode, toolsets, data and the HTTP guard rails.</summary>
public sealed record ServerSettings
{
    /// <summary>
    /// The limits of the pre-trade risk gate every order passes (the configuration's <c>risk_management</c>,
    /// <c>compliance</c> and <c>position_limits</c> sections; docs/risk.md). Defaults: the EU retail profile.
    /// </summary>
    public MtMcp.Risk.RiskConfiguration Risk { get; init; } = MtMcp.Risk.RiskConfiguration.Default;

    /// <summary>The configuration file, watched so risk limits reload when it changes; null = no file.</summary>
    public string? ConfigurationPath { get; init; }

    /// <summary>The configuration key that allows live trading.</summary>
    public const string LiveEnabledKey = "trading.live.enabled";

    /// <summary>The data directory: imported market data in <c>market</c>, the demo store in <c>demo</c>, paper accounts in <c>paper</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Trading mode; <see cref="ServerMode.Paper"/> by default.</summary>
    public ServerMode Mode { get; init; } = ServerMode.Paper;

    /// <summary>Toolsets to expose (names from <see cref="Toolsets"/>); all by default.</summary>
    public IReadOnlyList<string> Toolsets { get; init; } = Server.Toolsets.All;

    /// <summary>The symbols served (the built-in catalogue plus configuration).</summary>
    public SymbolCatalog Catalog { get; init; } = SymbolCatalog.BuiltIn;

    /// <summary>Whether history comes from the demo market's store (<c>&lt;data-dir&gt;/demo</c>) rather than imported data.</summary>
    public bool UseDemoStore { get; init; }

    /// <summary>Whether the configuration sets <c>trading.live.enabled = true</c>.</summary>
    public bool LiveTradingEnabled { get; init; }

    /// <summary>The demo market's settings (seed, start); its symbols are replaced by <see cref="Catalog"/>.</summary>
    public DemoMarketOptions DemoMarket { get; init; } = new();

    /// <summary>
    /// Browser origins allowed to call the HTTP endpoint besides the server's own loopback origins
    /// (requests without an <c>Origin</c> header come from non-browser clients and are allowed).
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>
    /// Orders (and closes) of more lots than this ask the user to confirm through the client (elicitation); null: no
    /// confirmation. Configuration key <c>trading.confirmation.above_lots</c>.
    /// </summary>
    public decimal? ConfirmAboveLots { get; init; }

    /// <summary>How often resource subscribers and WebSocket streams are told of changes at most (<c>server.update_interval_ms</c>).</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>HTTP authentication (<c>server.auth</c>); none by default.</summary>
    public HttpAuthSettings Auth { get; init; } = HttpAuthSettings.None;

    /// <summary>
    /// Host names the HTTP server answers besides the loopback names (<c>server.allowed_hosts</c>; <c>*</c> for any), for
    /// servers reached by a DNS name. Other Host headers get 400 (DNS rebinding protection).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The MetaTrader bridge listener; null (no listener) unless a bridge token is configured.</summary>
    public BridgeSettings? Bridge { get; init; }

    /// <summary>
    /// The MetaApi account (<c>metaapi.*</c>); null unless <c>metaapi.account_id</c> is configured. Its trading switches
    /// are set from <see cref="Mode"/> and <see cref="RealAccountsEnabled"/> when the server starts.
    /// </summary>
    public MtMcp.MetaApi.MetaApiOptions? MetaApi { get; init; }

    /// <summary>
    /// Whether REAL broker accounts may trade in live mode (<c>trading.live.real_accounts</c>): the explicit switch for
    /// live money. DEMO and CONTEST accounts trade in live mode without it.
    /// </summary>
    public bool RealAccountsEnabled { get; init; }

    /// <summary>
    /// Full paths of the C# strategy assemblies the strategy tools may load (<c>strategies.assemblies</c>); a tool argument
    /// naming any other assembly is refused. Empty: no C# strategies.
    /// </summary>
    public IReadOnlyList<string> StrategyAssemblies { get; init; } = [];

    /// <summary>Whether <paramref name="toolset"/> is exposed.</summary>
    public bool Exposes(string toolset) => Toolsets.Contains(toolset, StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks that the settings can start a server.</summary>
    /// <exception cref="InvalidOperationException">
    /// Live mode without the configuration that enables it, or with no broker gateway; a bridge address that is not
    /// host:port, or off loopback without TLS.
    /// </exception>
    public void Validate()
    {
        Bridge?.Validate();
        try
        {
            MetaApi?.Validate();
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException(error.Message, error);
        }

        if (Mode != ServerMode.Live)
        {
            return;
        }

        if (!LiveTradingEnabled)
        {
            throw new InvalidOperationException(
                $"--mode live refused: live trading is off. Set \"{LiveEnabledKey}\": true in the configuration file (--config), i.e. "
                + "{ \"trading\": { \"live\": { \"enabled\": true } } }, to allow it. No tool argument can turn it on.");
        }

        if (Bridge is null && MetaApi is null)
        {
            throw new InvalidOperationException(
                "--mode live refused: no broker gateway is configured. Live trading goes through the MetaTrader bridge (set \"bridge.token\" "
                + "in the configuration file or the environment variable MTMCP_BRIDGE_TOKEN; docs/bridge.md) or a MetaApi account (\"metaapi.account_id\" "
                + "with \"metaapi.token\" or METAAPI_TOKEN; docs/metaapi.md), or use --mode paper.");
        }
    }
}
