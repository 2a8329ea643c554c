using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MtMcp.Domain;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp symbols</c>: the symbol catalogue.</summary>
internal static class SymbolsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "Print full specifications as JSON." };
        var filter = new Option<string?>("--filter") { Description = "Only symbols whose name, description or group contains this text." };
        var command = new Command("symbols", "List the symbols of the catalogue (built-in plus configuration).") { json, filter };

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var catalog = globals.LoadCatalog(result);
            var text = result.GetValue(filter);
            var symbols = catalog
                .Where(s => text is null
                    || s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || s.Description.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || s.Path.Contains(text, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var output = result.InvocationConfiguration.Output;

            if (result.GetValue(json))
            {
                var dtos = symbols.Select(SymbolJson.From).ToList();
                await output.WriteLineAsync(JsonSerializer.Serialize(dtos, CliJsonContext.Default.ListSymbolJson)).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{"SYMBOL",-10} {"GROUP",-16} {"CCY",-7} {"DIGITS",6} {"CONTRACT",10} {"SPREAD",6} {"ESMA",-22} {"MAX LEV",7}  DESCRIPTION")).ConfigureAwait(false);
            foreach (var s in symbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Name,-10} {s.Path,-16} {s.CurrencyProfit,-7} {s.Digits,6} {s.ContractSize,10:0.##} {s.Spread,6} {s.AssetClass,-22} {s.AssetClass.MaxRetailLeverage() + ":1",7}  {s.Description}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
