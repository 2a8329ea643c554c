using System.CommandLine;
using MtMcp.Cli.Commands;

namespace MtMcp.Cli;

/// <summary>Builds and runs the <c>mtmcp</c> command tree.</summary>
internal static class CliApplication
{
    /// <summary>Runs the command line in <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("MetaTrader MCP Server: market data, analysis and safe trading for AI agents and programs.");
        options.AddTo(root);
        root.Subcommands.Add(SymbolsCommand.Create(options));
        root.Subcommands.Add(DataCommand.Create(options, time));
        root.Subcommands.Add(DemoCommand.Create(options, time));
        root.Subcommands.Add(IndicatorCommand.Create(options));
        root.Subcommands.Add(PaperCommand.Create(options, time));
        root.Subcommands.Add(ServeCommand.Create(options, time));
        root.Subcommands.Add(AuditCommand.Create(options));
        root.Subcommands.Add(ReportCommand.Create(options));
        root.Subcommands.Add(BacktestCommand.Create(options));
        root.Subcommands.Add(OptimizeCommand.Create(options));
        root.Subcommands.Add(WalkForwardCommand.Create(options));
        root.Subcommands.Add(StrategyCommand.Create());

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
