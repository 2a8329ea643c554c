using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Gateways.Bridge;
using MtMcp.MetaApi;
using MtMcp.Server;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp serve</c>: the MCP server over stdio (default) or Streamable HTTP.</summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions globals, TimeProvider time)
    {
        var http = new Option<bool>("--http") { Description = "Serve Streamable HTTP at /mcp (health at /healthz) instead of stdio." };
        var urls = new Option<string[]>("--urls")
        {
            Description = $"With --http: address(es) to listen on, loopback only (default {McpServerHost.DefaultUrl}).",
            AllowMultipleArgumentsPerToken = true,
        };
        var mode = new Option<string?>("--mode") { Description = "read_only (no order tools), paper (default) or live (needs trading.live.enabled in --config)." };
        var toolsets = new Option<string?>("--toolsets")
        {
            Description = $"Comma-separated toolsets to expose: {string.Join(", ", Toolsets.All)} (default all).",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log debug messages (to standard error)." };
        var bridgeListen = new Option<string?>("--bridge-listen")
        {
            Description = "Address the MetaTrader bridge listens on for EAs, host:port (default bridge.listen or 127.0.0.1:5757). "
                + "The listener runs when bridge.token or MTMCP_BRIDGE_TOKEN is set.",
        };
        var command = new Command("serve", "Run the MCP server: stdio for desktop agents, or --http for Streamable HTTP. Logs go to standard error.")
        {
            http, urls, mode, toolsets, verbose, bridgeListen,
        };

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var settings = Settings(globals, result, result.GetValue(mode), result.GetValue(toolsets), result.GetValue(bridgeListen));
            var level = result.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information;
            StartJitProfile(settings.DataDirectory, result.GetValue(http) ? "serve-http" : "serve-stdio");
            if (!result.GetValue(http))
            {
                if (result.GetValue(urls) is { Length: > 0 })
                {
                    throw new UserErrorException("--urls needs --http.");
                }

                await McpServerHost.RunStdioAsync(settings, time, level, cancellationToken).ConfigureAwait(false);
                return 0;
            }

            WebApplication app;
            try
            {
                app = McpServerHost.BuildHttp(settings, time, result.GetValue(urls) ?? [], level);
            }
            catch (ArgumentException error)
            {
                throw new UserErrorException(error.Message.Split(" (Parameter", 2)[0]);
            }

            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Multi-core JIT: a start records which methods it compiled (in <c>&lt;data-dir&gt;/cache</c>), and the next start
    /// compiles them on another core ahead of their first call, so the server answers sooner. Best effort: a data
    /// directory that cannot hold the profile only loses the head start.
    /// </summary>
    private static void StartJitProfile(string dataDirectory, string name)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(dataDirectory, "cache")).FullName;
            System.Runtime.ProfileOptimization.SetProfileRoot(folder);
            System.Runtime.ProfileOptimization.StartProfile(name + ".jitprofile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static ServerSettings Settings(GlobalOptions globals, ParseResult result, string? mode, string? toolsets, string? bridgeListen)
    {
        var file = result.GetValue(globals.Config);
        ServerConfiguration config;
        try
        {
            config = file is null ? ServerConfiguration.Empty : ServerConfiguration.Read(file.FullName);
            var settings = new ServerSettings
            {
                DataDirectory = globals.ResolveDataDirectory(result),
                Catalog = globals.LoadCatalog(result),
                UseDemoStore = result.GetValue(globals.Demo),
                Mode = mode is null ? config.Mode ?? ServerMode.Paper : ServerConfiguration.ParseMode(mode),
                Toolsets = toolsets is null ? config.Toolsets ?? Toolsets.All : Toolsets.Parse(toolsets),
                AllowedOrigins = config.AllowedOrigins,
                AllowedHosts = config.AllowedHosts,
                LiveTradingEnabled = config.LiveTradingEnabled,
                ConfirmAboveLots = config.ConfirmAboveLots,
                StrategyAssemblies = config.StrategyAssemblies,
                UpdateInterval = config.UpdateInterval ?? TimeSpan.FromMilliseconds(250),
                Auth = config.Auth,
                Risk = file is null ? MtMcp.Risk.RiskConfiguration.Default : MtMcp.Risk.RiskConfiguration.Parse(File.ReadAllText(file.FullName)),
                ConfigurationPath = file?.FullName,
                Bridge = Bridge(config, bridgeListen),
                MetaApi = MetaApi(config),
                RealAccountsEnabled = config.RealAccountsEnabled,
            };
            settings.Validate();
            return settings;
        }
        catch (Exception error) when (error is ArgumentException or InvalidDataException or FileNotFoundException or InvalidOperationException
            or MtMcp.Risk.RiskConfigurationException)
        {
            throw new UserErrorException(error.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>The bridge settings when a token is configured (file, else the environment); the listener needs one.</summary>
    private static BridgeSettings? Bridge(ServerConfiguration config, string? listen)
    {
        var token = BridgeOptions.ResolveToken(config.BridgeToken, Environment.GetEnvironmentVariable(BridgeOptions.TokenEnvironmentVariable));
        if (token is null)
        {
            return listen is null
                ? null
                : throw new UserErrorException($"--bridge-listen needs a bridge token: set \"bridge.token\" in --config or the environment variable {BridgeOptions.TokenEnvironmentVariable}.");
        }

        return new BridgeSettings(listen ?? config.BridgeListen ?? BridgeOptions.DefaultListen, token)
        {
            CertificatePath = config.BridgeCertificate,
            CertificatePassword = config.BridgeCertificatePassword,
        };
    }

    /// <summary>The MetaApi account when <c>metaapi.account_id</c> is configured; its token from the file, else the environment.</summary>
    private static MetaApiOptions? MetaApi(ServerConfiguration config)
    {
        if (config.MetaApi is not { } section)
        {
            return null;
        }

        var token = MetaApiOptions.ResolveToken(section.Token, Environment.GetEnvironmentVariable(MetaApiOptions.TokenEnvironmentVariable))
            ?? throw new UserErrorException(
                $"metaapi.account_id is set but there is no MetaApi token: set \"metaapi.token\" in --config or the environment variable {MetaApiOptions.TokenEnvironmentVariable}.");
        // The options' own defaults stand where the file says nothing.
        var options = new MetaApiOptions { Token = token, AccountId = section.AccountId, Name = section.Name };
        return options with
        {
            BaseUrl = section.BaseUrl ?? options.BaseUrl,
            QuotePollInterval = section.QuotePollInterval ?? options.QuotePollInterval,
        };
    }
}
