using System.CommandLine;
using System.Globalization;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Storage;

namespace MtMcp.Cli.Commands;

/// <summary>
/// <c>mtmcp paper</c>: the paper accounts kept in <c>&lt;data-dir&gt;/paper/accounts.db</c> — list, create, reset,
/// deposit, withdraw, remove. Valued on the live demo market.
/// </summary>
internal static class PaperCommand
{
    public static Command Create(GlobalOptions globals, TimeProvider time)
    {
        var command = new Command("paper", "Manage the paper trading accounts (simulated, journaled in the data directory).");
        command.Subcommands.Add(List(globals, time));
        command.Subcommands.Add(CreateAccount(globals, time));
        command.Subcommands.Add(Reset(globals, time));
        command.Subcommands.Add(Money(globals, time, "deposit", "Add money to an account (a balance deal).", sign: 1));
        command.Subcommands.Add(Money(globals, time, "withdraw", "Take money out of an account (at most its free margin).", sign: -1));
        command.Subcommands.Add(Remove(globals, time));
        return command;
    }

    /// <summary>Opens the paper venue of the data directory on the live demo market; the caller disposes it.</summary>
    public static PaperTradingService OpenService(GlobalOptions globals, ParseResult result, TimeProvider time)
    {
        var catalog = globals.LoadCatalog(result);
        var folder = Path.Combine(globals.ResolveDataDirectory(result), "paper");
        Directory.CreateDirectory(folder);
        var market = new DemoMarket.DemoMarket(new DemoMarket.DemoMarketOptions { Symbols = catalog });
#pragma warning disable CA2000 // the service owns the journal and disposes it
        var journal = new SqliteTradingJournal(Path.Combine(folder, "accounts.db"), audit: AuditOptions.FromEnvironment(time));
        var service = new PaperTradingService(journal, catalog, new DemoMarketFeed(market, time), time);
#pragma warning restore CA2000
        service.PrimeQuotes();
        return service;
    }

    private static Command List(GlobalOptions globals, TimeProvider time)
    {
        var command = new Command("list", "List the paper accounts with their balance, equity and open trades.");
        CommandAction.Set(command, async (result, _) =>
        {
            using var service = OpenService(globals, result, time);
            service.EnsureDefaultAccount();
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{"NAME",-16} {"CCY",-4} {"LEVERAGE",8} {"MODE",-8} {"BALANCE",14} {"EQUITY",14} {"POSITIONS",9} {"ORDERS",6}")).ConfigureAwait(false);
            foreach (var name in service.Accounts)
            {
                var (snapshot, positions, orders) = service.Read(name, a => (a.Snapshot(), a.Positions.Count, a.Orders.Count));
                var digits = snapshot.Info.CurrencyDigits;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16} {snapshot.Info.Currency,-4} {"1:" + snapshot.Info.Leverage,8} {(snapshot.Info.IsHedging ? "hedging" : "netting"),-8} {snapshot.Balance.ToString("N" + digits, CultureInfo.InvariantCulture),14} {snapshot.Equity.ToString("N" + digits, CultureInfo.InvariantCulture),14} {positions,9} {orders,6}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateAccount(GlobalOptions globals, TimeProvider time)
    {
        var name = new Argument<string>("name") { Description = "Account name: 1 to 32 letters, digits, '-' or '_'." };
        var currency = new Option<string>("--currency") { Description = "Deposit currency (USD, EUR, GBP, JPY, …).", DefaultValueFactory = _ => "USD" };
        var leverage = new Option<int>("--leverage") { Description = "Leverage 1:N, N from 1 to 1000.", DefaultValueFactory = _ => 100 };
        var mode = new Option<string>("--margin-mode") { Description = "hedging or netting.", DefaultValueFactory = _ => "hedging" };
        var deposit = new Option<decimal>("--deposit") { Description = "First deposit.", CustomParser = InvariantNumbers.Decimal, DefaultValueFactory = _ => PaperAccounts.DefaultDeposit };
        var commission = new Option<decimal>("--commission-per-lot") { Description = "Commission per lot per deal side, in the deposit currency.", CustomParser = InvariantNumbers.Decimal };
        var markup = new Option<int>("--spread-markup") { Description = "Points added to the market's spread for this account." };
        var stopOut = new Option<double>("--stop-out") { Description = "Stop-out margin level in percent.", CustomParser = InvariantNumbers.Double, DefaultValueFactory = _ => 50 };
        var command = new Command("create", "Create a paper account.") { name, currency, leverage, mode, deposit, commission, markup, stopOut };
        CommandAction.Set(command, async (result, _) =>
        {
            var ccy = result.GetValue(currency)!.ToUpperInvariant();
            var lev = result.GetValue(leverage);
            var marginMode = result.GetValue(mode)!.ToLowerInvariant() switch
            {
                "hedging" => AccountMarginMode.RetailHedging,
                "netting" => AccountMarginMode.RetailNetting,
                var other => throw new UserErrorException($"--margin-mode '{other}' is not known: use hedging or netting."),
            };
            Require(ccy.Length == 3 && ccy.All(char.IsAsciiLetterUpper), $"--currency '{ccy}' is not a 3-letter currency code.");
            Require(lev is >= 1 and <= 1000, $"--leverage must be between 1 and 1000, not {lev}.");
            Require(result.GetValue(deposit) > 0, "--deposit must be positive.");
            Require(result.GetValue(commission) >= 0, "--commission-per-lot must not be negative.");
            Require(result.GetValue(markup) is >= 0 and <= 10_000, "--spread-markup must be between 0 and 10000 points.");
            Require(result.GetValue(stopOut) is >= 0 and <= 1000, "--stop-out must be between 0 and 1000 percent.");

            var defaults = PaperAccounts.DefaultSettings();
            var settings = defaults with
            {
                Info = defaults.Info with
                {
                    Name = result.GetValue(name)!, Currency = ccy, CurrencyDigits = CurrencyDigits.For(ccy), Leverage = lev, MarginMode = marginMode,
                    MarginStopOut = result.GetValue(stopOut), MarginCall = Math.Max(result.GetValue(stopOut), defaults.Info.MarginCall),
                },
                Commission = new CommissionSchedule(PerLot: result.GetValue(commission)),
                SpreadMarkupPoints = result.GetValue(markup),
            };
            using var service = OpenService(globals, result, time);
            Guard(() => service.Create(result.GetValue(name)!, settings, result.GetValue(deposit)));
            await result.InvocationConfiguration.Output.WriteLineAsync($"created paper account {result.GetValue(name)}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Reset(GlobalOptions globals, TimeProvider time)
    {
        var name = new Argument<string>("name") { Description = "Account name." };
        var deposit = new Option<decimal?>("--deposit") { Description = "New starting balance (default: the account's first deposit).", CustomParser = InvariantNumbers.OptionalDecimal };
        var command = new Command("reset", "Remove every order, position and deal of an account and start again from its deposit.") { name, deposit };
        CommandAction.Set(command, async (result, _) =>
        {
            using var service = OpenService(globals, result, time);
            Require(result.GetValue(deposit) is null or > 0, "--deposit must be positive.");
            service.Reset(result.GetValue(name)!, result.GetValue(deposit));
            await result.InvocationConfiguration.Output.WriteLineAsync($"reset paper account {result.GetValue(name)}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Money(GlobalOptions globals, TimeProvider time, string verb, string description, int sign)
    {
        var name = new Argument<string>("name") { Description = "Account name." };
        var amount = new Argument<decimal>("amount") { Description = "Amount in the account currency (positive).", CustomParser = InvariantNumbers.Decimal };
        var comment = new Option<string>("--comment") { Description = "Comment on the balance deal.", DefaultValueFactory = _ => "" };
        var command = new Command(verb, description) { name, amount, comment };
        CommandAction.Set(command, async (result, _) =>
        {
            Require(result.GetValue(amount) > 0, $"the amount must be positive, not {result.GetValue(amount).ToString(CultureInfo.InvariantCulture)}.");
            using var service = OpenService(globals, result, time);
            var outcome = service.Deposit(result.GetValue(name)!, sign * result.GetValue(amount), result.GetValue(comment)!);
            if (outcome.Outcome != TradeOutcome.Filled)
            {
                throw new UserErrorException($"{verb} refused ({(int)outcome.Retcode}): {outcome.Message}");
            }

            var balance = service.Read(result.GetValue(name)!, a => a.Snapshot().Balance);
            await result.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"balance {balance}")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Remove(GlobalOptions globals, TimeProvider time)
    {
        var name = new Argument<string>("name") { Description = "Account name." };
        var command = new Command("remove", "Delete an account and its whole history.") { name };
        CommandAction.Set(command, async (result, _) =>
        {
            using var service = OpenService(globals, result, time);
            if (!service.Remove(result.GetValue(name)!))
            {
                throw new UserErrorException($"There is no paper account named {result.GetValue(name)}.");
            }

            await result.InvocationConfiguration.Output.WriteLineAsync($"removed paper account {result.GetValue(name)}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UserErrorException(message);
        }
    }

    private static void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException(error.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
