using System.CommandLine;
using MtMcp.Data.Store;
using MtMcp.Data.Symbols;
using MtMcp.Domain;

namespace MtMcp.Cli;

/// <summary>Options every command accepts, and what they resolve to.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The environment variable that sets the data directory when --data-dir is absent.</summary>
    public const string HomeVariable = "MTMCP_HOME";

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = $"Data directory (default: ${HomeVariable}, else a per-user folder such as ~/.local/share/mtmcp).",
        Recursive = true,
    };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "JSON configuration file (symbols to add or override; see docs/configuration.md).",
        Recursive = true,
    };

    public Option<bool> Demo { get; } = new("--demo")
    {
        Description = "Read the demo market's store (filled by `mtmcp demo`) instead of imported data.",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(DataDir);
        root.Options.Add(Config);
        root.Options.Add(Demo);
    }

    /// <summary>The data directory: --data-dir, else $MTMCP_HOME, else the per-user application data folder.</summary>
    public string ResolveDataDirectory(ParseResult result)
    {
        var explicitDir = result.GetValue(DataDir);
        if (!string.IsNullOrWhiteSpace(explicitDir))
        {
            return Path.GetFullPath(explicitDir);
        }

        var home = Environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(home))
        {
            return Path.GetFullPath(home);
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "mtmcp");
    }

    /// <summary>
    /// The store the data commands read: imported data under <c>market</c>, or with --demo the generated
    /// demo history under <c>demo</c>. The two are never mixed. The caller disposes it.
    /// </summary>
    public MarketDataStore OpenStore(ParseResult result) =>
        result.GetValue(Demo) ? OpenDemoStore(result) : new(Path.Combine(ResolveDataDirectory(result), "market"));

    /// <summary>The demo market's store; the caller disposes it.</summary>
    public MarketDataStore OpenDemoStore(ParseResult result) => new(Path.Combine(ResolveDataDirectory(result), "demo"));

    /// <summary>The built-in catalogue with the configuration's symbol overrides applied.</summary>
    public SymbolCatalog LoadCatalog(ParseResult result)
    {
        var config = result.GetValue(Config);
        if (config is null)
        {
            return SymbolCatalog.BuiltIn;
        }

        if (!config.Exists)
        {
            throw new UserErrorException($"Configuration file not found: {config.FullName}");
        }

        try
        {
            return SymbolConfiguration.Apply(SymbolCatalog.BuiltIn, config.FullName);
        }
        catch (InvalidDataException error)
        {
            throw new UserErrorException(error.Message);
        }
    }
}
