using System.CommandLine;
using System.Globalization;
using MtMcp.Strategies;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp strategy</c>: check strategy-language documents and show the built-ins (docs/strategy-language.md).</summary>
internal static class StrategyCommand
{
    public static Command Create()
    {
        var command = new Command("strategy", "Strategy-language documents: validate a file, list or show the built-ins.");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Validate()
    {
        var file = new Argument<string>("FILE") { Description = "A strategy document (JSON) or builtin:NAME." };
        var command = new Command("validate", "Check a strategy document; print each error as FILE:line:column: field: message hint.") { file };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var output = result.InvocationConfiguration.Output;
            string text;
            if (path.StartsWith("builtin:", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    text = StrategyResolver.BuiltinSource(path);
                }
                catch (ArgumentException exception)
                {
                    throw new UserErrorException(exception.Message);
                }
            }
            else
            {
                text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }

            if (StrategyDocument.TryParse(text, out var document, out var diagnostics))
            {
                var parameters = string.Join(", ", document.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default} [{p.Min}..{p.Max}]")));
                await output.WriteLineAsync($"ok: {document.Name}{(parameters.Length > 0 ? " (" + parameters + ")" : string.Empty)}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            var error = result.InvocationConfiguration.Error;
            foreach (var diagnostic in diagnostics)
            {
                await error.WriteLineAsync($"{path}:{diagnostic}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return CommandAction.UserError;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the built-in strategies (use them as --strategy builtin:NAME).");
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            foreach (var name in StrategyResolver.BuiltinNames)
            {
                var document = StrategyResolver.Builtin(name);
                await result.InvocationConfiguration.Output.WriteLineAsync($"builtin:{name,-22}{document.Description}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "A built-in strategy (NAME or builtin:NAME)." };
        var command = new Command("show", "Print a built-in strategy's document, to read or copy as a starting point.") { name };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            string source;
            try
            {
                source = StrategyResolver.BuiltinSource(result.GetValue(name)!);
            }
            catch (ArgumentException exception)
            {
                throw new UserErrorException(exception.Message);
            }

            await result.InvocationConfiguration.Output.WriteLineAsync(source.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
