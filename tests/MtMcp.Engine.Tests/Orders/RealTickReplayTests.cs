using System.Globalization;
using System.IO.Compression;
using MtMcp.Testing;

namespace MtMcp.Engine.Tests.Orders;

/// <summary>
/// Three days of real EURUSD ticks (Oanda, 5-7 May 2014: two rollovers) through a venue with a scripted sequence of
/// market orders with SL/TP and trailing stops and of pending orders with lifetimes: the ledger repeats exactly, also
/// when the account is saved and restored onto a fresh board half way.
/// </summary>
public sealed class RealTickReplayTests
{
    private static readonly Lazy<Tick[]> s_ticks = new(Load);

    private static Tick[] Load()
    {
        var ticks = new List<Tick>();
        foreach (var day in new[] { "20140505", "20140506", "20140507" })
        {
            var midnight = DateTimeOffset.ParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
            using var zip = ZipFile.OpenRead(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", day + "_quote.zip"));
            using var reader = new StreamReader(zip.Entries[0].Open());
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                ticks.Add(new Tick(
                    midnight + long.Parse(fields[0], CultureInfo.InvariantCulture),
                    double.Parse(fields[1], CultureInfo.InvariantCulture),
                    double.Parse(fields[2], CultureInfo.InvariantCulture),
                    0, 0, TickFlags.Bid | TickFlags.Ask));
            }
        }

        return [.. ticks];
    }

    private static AccountSettings Settings() => Harness.Settings(AccountMarginMode.RetailHedging) with
    {
        Commission = new CommissionSchedule(PerLot: 3.5m),
        Slippage = new SlippageModel(FixedPoints: 1, RandomPoints: 3, Seed: 5),
    };

    private static (QuoteBoard Board, TradingAccount Account) Open()
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        var first = s_ticks.Value[0];
        return (board, new TradingAccount("replay", Settings(), board, 10_000m, first.TimeMs));
    }

    /// <summary>Feeds ticks [from, to) and, every few thousand ticks, sends the next scripted request.</summary>
    private static void Replay(QuoteBoard board, TradingAccount account, int from, int to)
    {
        board.TryGetId("EURUSD", out var id);
        var ticks = s_ticks.Value;
        for (var i = from; i < to; i++)
        {
            board.Update(id, ticks[i].Bid, ticks[i].Ask, ticks[i].TimeMs);
            account.OnQuote(id);
            if (i % 2_500 != 0)
            {
                continue;
            }

            var bid = ticks[i].Bid;
            var ask = ticks[i].Ask;
            double Price(double p) => Math.Round(p, 5);
            var request = (i / 2_500 % 4) switch
            {
                0 => new TradeRequest
                {
                    Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, Magic = 1,
                    StopLoss = Price(bid - 0.0010), TakeProfit = Price(bid + 0.0020), TrailingStopPoints = 60, TrailingStepPoints = 10,
                },
                1 => new TradeRequest
                {
                    Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.5m, Magic = 2, StopLoss = Price(ask + 0.0015),
                },
                2 => new TradeRequest
                {
                    Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 0.3m, Price = Price(ask - 0.0005),
                    TimeType = OrderTimeType.Day, TakeProfit = Price(ask + 0.0010), Magic = 3,
                },
                _ => new TradeRequest
                {
                    Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.SellStop, Volume = 0.2m, Price = Price(bid - 0.0007),
                    TimeType = OrderTimeType.Specified, ExpirationMs = ticks[i].TimeMs + (2 * Harness.Hour), Magic = 4,
                },
            };
            account.Send(request with { ClientOrderId = "r" + i.ToString(CultureInfo.InvariantCulture) });
        }
    }

    [Fact]
    public void Replay_TwoRuns_GiveTheSameLedger()
    {
        var (board1, first) = Open();
        Replay(board1, first, 0, s_ticks.Value.Length);
        var (board2, second) = Open();
        Replay(board2, second, 0, s_ticks.Value.Length);

        Harness.AssertSameState(first.ToState(), second.ToState());

        // The script exercised what it is meant to: stops, targets, expiries and rollover swaps.
        var deals = first.Deals(HistoryQuery.All);
        Assert.Contains(deals, d => d.Reason == DealReason.StopLoss);
        Assert.Contains(deals, d => d.Reason == DealReason.TakeProfit);
        Assert.Contains(first.HistoryOrders(HistoryQuery.All), o => o.State == OrderState.Expired);
        Assert.Contains(deals, d => d.Swap != 0);

        // The ledger adds up, and every position has its opening deal.
        Assert.Equal(first.Balance, deals.Sum(d => d.Profit + d.Commission + d.Swap));
        Assert.All(first.Positions, p => Assert.Contains(deals, d => d.PositionId == p.Ticket && d.Entry == DealEntry.In));
    }

    [Fact]
    public void Replay_RestoredHalfWayOntoAFreshBoard_EndsWithTheSameLedger()
    {
        var count = s_ticks.Value.Length;
        var (board, whole) = Open();
        Replay(board, whole, 0, count);

        var (firstBoard, firstHalf) = Open();
        Replay(firstBoard, firstHalf, 0, count / 2);
        var freshBoard = new QuoteBoard(SymbolCatalog.BuiltIn);
        var restored = TradingAccount.Restore("replay", firstHalf.ToState(), freshBoard);
        Replay(freshBoard, restored, count / 2, count);

        Harness.AssertSameState(whole.ToState(), restored.ToState());
    }
}
