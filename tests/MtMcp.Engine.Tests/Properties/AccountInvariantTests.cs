using CsCheck;

namespace MtMcp.Engine.Tests.Properties;

/// <summary>
/// Random sequences of quotes, requests, deposits and clock moves on netting and hedging accounts (USD or EUR,
/// with or without commission, slippage, a liquidity cap and negative balance protection). After every step:
/// <list type="bullet">
/// <item><description>equity = balance + credit + Σ floating profit incl. swaps, and each floating profit equals an
/// independent valuation (TradeMath at the board's quotes plus the position's swap);</description></item>
/// <item><description>Σ over all deals of profit + commission + swap (balance operations included) = balance, exactly;</description></item>
/// <item><description>account margin = Σ per symbol of <see cref="MarginCalculator.SymbolMargin"/>;</description></item>
/// <item><description>every open position has its opening deal;</description></item>
/// <item><description>a client order id never yields two orders, and a repeat returns the first result and changes nothing;</description></item>
/// <item><description>an account restored from <see cref="TradingAccount.ToState"/> after a random step gives the same
/// results and state as the original for the rest of the sequence.</description></item>
/// </list>
/// </summary>
public sealed class AccountInvariantTests
{
    private const long Iterations = 500;

    [Fact]
    public void NettingAccount_RandomSequences_KeepEveryInvariant() =>
        TradingGen.Scenarios(hedging: false).Sample(Run, iter: Iterations, threads: 1);

    [Fact]
    public void HedgingAccount_RandomSequences_KeepEveryInvariant() =>
        TradingGen.Scenarios(hedging: true).Sample(Run, iter: Iterations, threads: 1);

    private static void Run(Scenario scenario)
    {
        var plain = new AccountDriver(scenario.Config);
        var restored = new AccountDriver(scenario.Config);
        CheckInvariants(plain);
        for (var i = 0; i < scenario.Steps.Length; i++)
        {
            var step = scenario.Steps[i];
            var expected = plain.Apply(step);
            var actual = restored.Apply(step);
            CheckInvariants(plain);
            Assert.Equal(expected, actual);
            AssertSameState(plain.Account, restored.Account);
            if (i == scenario.RestoreAfter)
            {
                restored.Restore();
                AssertSameState(plain.Account, restored.Account);
            }
        }
    }

    private static void CheckInvariants(AccountDriver driver)
    {
        var account = driver.Account;
        var board = driver.Board;
        var currency = account.Settings.Info.Currency;
        var converter = new CurrencyConverter(board.Symbols, board);
        var snapshot = account.Snapshot();

        // Equity = balance + credit + Σ floating profit (incl. swaps); each position valued independently.
        double floating = 0, independent = 0;
        foreach (var position in account.Positions)
        {
            Assert.True(board.TryGetId(position.Symbol, out var id));
            var spec = board.Spec(id);
            var quote = board.Get(id);
            var close = position.Type == PositionType.Buy ? quote.Bid : quote.Ask;
            var value = TradeMath.ProfitInAccountCurrency(spec, position.Type, (double)position.Volume, position.PriceOpen, close, currency, converter)
                + (double)position.Swap;
            var reported = account.FloatingProfit(position);
            AssertClose(value, reported, $"floating profit of position {position.Ticket}");
            floating += reported;
            independent += value;
        }

        Assert.Equal(account.Balance, snapshot.Balance);
        AssertClose(independent, snapshot.Profit, "snapshot profit");
        AssertClose((double)(snapshot.Balance + snapshot.Credit) + floating, snapshot.Equity, "equity");

        // Σ deals (profit + commission + swap, balance operations included) = balance, exactly.
        var deals = account.Deals(HistoryQuery.All);
        var ledger = 0m;
        foreach (var deal in deals)
        {
            ledger += deal.Profit + deal.Commission + deal.Swap;
        }

        Assert.Equal(account.Balance, ledger);

        // Margin = Σ per symbol of the margin calculator over that symbol's positions.
        var margin = 0.0;
        foreach (var group in account.Positions.GroupBy(p => p.Symbol, StringComparer.OrdinalIgnoreCase))
        {
            Assert.True(board.TryGetId(group.Key, out var id));
            margin += MarginCalculator.SymbolMargin(board.Spec(id), group.ToArray(), account.Settings.Info.Leverage, currency, converter, board.Get(id));
        }

        AssertClose(margin, snapshot.Margin, "margin");

        // Every open position has the deal that opened it.
        foreach (var position in account.Positions)
        {
            Assert.True(
                deals.Any(d => d.PositionId == position.Ticket && d.Entry is DealEntry.In or DealEntry.InOut),
                $"Position {position.Ticket} has no opening deal.");
        }

        // A client order id is on at most one client order (server SL/TP/stop-out orders carry the position's).
        var clientOrders = account.Orders.Concat(account.HistoryOrders(HistoryQuery.All))
            .Where(o => o.ClientOrderId is not null && o.Reason is not (OrderReason.StopLoss or OrderReason.TakeProfit or OrderReason.StopOut))
            .GroupBy(o => o.ClientOrderId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: orders {string.Join(", ", g.Select(o => o.Ticket))}")
            .ToList();
        Assert.Empty(clientOrders);
    }

    private static void AssertSameState(TradingAccount expected, TradingAccount actual)
    {
        var a = expected.ToState();
        var b = actual.ToState();
        Assert.Equal(a.Balance, b.Balance);
        Assert.Equal(a.Credit, b.Credit);
        Assert.Equal(a.NextTicket, b.NextTicket);
        Assert.Equal(a.TimeMs, b.TimeMs);
        Assert.Equal(a.Orders, b.Orders);
        Assert.Equal(a.Positions, b.Positions);
        Assert.Equal(a.Deals, b.Deals);
        Assert.Equal(a.ClientOrders.OrderBy(p => p.Key, StringComparer.Ordinal), b.ClientOrders.OrderBy(p => p.Key, StringComparer.Ordinal));

        var sa = expected.Snapshot();
        var sb = actual.Snapshot();
        AssertClose(sa.Equity, sb.Equity, "restored equity");
        AssertClose(sa.Margin, sb.Margin, "restored margin");
        Assert.Equal(sa.MarginCall, sb.MarginCall);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var tolerance = 1e-7 * (1 + Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}.");
    }
}
