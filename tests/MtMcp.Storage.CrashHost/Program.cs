using System.Globalization;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Storage;

// Commits numbered steps to the journal <file>, account <name>, until it is killed, printing "ack N" once step N's
// Commit has returned. Step N adds the balance deal with ticket N and profit N, sets the one position's volume to
// N × 0.01 lots, and moves the account to balance N(N+1)/2, next ticket N + 1, time N seconds. It resumes after the
// last stored step, so the test can kill and restart it on the same file. Each step also carries two audit records,
// "deal" and "balance", whose payload is {"step":N}.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MtMcp.Storage.CrashHost <journal file> <account>");
    return 2;
}

var (path, account) = (args[0], args[1]);
using var journal = new SqliteTradingJournal(path);
if (journal.Load(account) is null)
{
    var info = new AccountInfo
    {
        Login = 1,
        Server = "Crash-Test",
        Currency = "USD",
        Leverage = 100,
        TradeMode = AccountTradeMode.Demo,
        MarginMode = AccountMarginMode.RetailNetting,
    };
    journal.Save(account, new AccountState { Settings = new AccountSettings { Info = info }, Balance = 0m, NextTicket = 1 });
}

var state = journal.Load(account)!;
var changes = new AccountChanges();
var balance = state.Balance;
for (var step = state.NextTicket; ; step++)
{
    var timeMs = checked((long)step * 1000);
    changes.Clear();
    changes.Add(new TradeTransaction(
        TradeTransactionType.DealAdd,
        timeMs,
        Deal: new Deal { Ticket = step, Type = DealType.Balance, Profit = step, TimeMs = timeMs, Comment = "step" }));
    changes.Add(new TradeTransaction(
        TradeTransactionType.Position,
        timeMs,
        Position: new Position
        {
            Ticket = 1, Symbol = "EURUSD", Type = PositionType.Buy, Volume = step * 0.01m, PriceOpen = 1.1, TimeMs = 1000, TimeUpdateMs = timeMs,
        }));
    foreach (var kind in (string[])["deal", "balance"])
    {
        changes.AddAudit(new AuditRecord(kind, timeMs, account, "crash-host", "test", null, string.Create(CultureInfo.InvariantCulture, $"{{\"step\":{step}}}")));
    }

    balance += step;
    changes.Balance = balance;
    changes.NextTicket = step + 1;
    changes.TimeMs = timeMs;
    journal.Commit(account, changes);
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {step}"));
}
