using static MtMcp.Engine.Tests.Accounting.Market;

namespace MtMcp.Engine.Tests.Accounting;

/// <summary>
/// Margin, floating profit and equity of a real <see cref="TradingAccount"/> (1:100, no costs) holding one position,
/// against the hand calculations of <see cref="MarginCalculatorTests"/> and <see cref="FloatingProfitTests"/>:
/// the position opens at an entry quote, then the market moves to the fixed quotes of <see cref="Market"/>.
/// </summary>
public sealed class AccountFiguresTests
{
    private const decimal Deposit = 1_000_000m;

    // Monday 4 March 2024, 12:00 UTC: inside every built-in symbol's trade session.
    private static readonly long s_monday = new DateTimeOffset(2024, 3, 4, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static TheoryData<string, PositionType, double, double, string, double, double> Cases() => new()
    {
        // symbol, side, lots, entry price, account currency, margin, floating profit (see the two unit-test classes).
        { "EURUSD", PositionType.Buy, 1.0, 1.09000, "USD", 1000 * 1.10010, 1000.0 },
        { "EURUSD", PositionType.Buy, 1.0, 1.09000, "EUR", 1000.0, 1000 / 1.10010 },
        // USDJPY margin 1 000 USD; sell 1 @ 151.000 closed at the ask 150.020: 98 000 JPY.
        { "USDJPY", PositionType.Sell, 1.0, 151.000, "USD", 1000.0, 98000 / 150.020 },
        { "USDJPY", PositionType.Sell, 1.0, 151.000, "EUR", 1000 / 1.10000, 98000 / 165.030 },
        // EURGBP margin 1 000 EUR; buy 1 @ 0.86000 at the bid 0.85000: −1 000 GBP.
        { "EURGBP", PositionType.Buy, 1.0, 0.86000, "USD", 1000 * 1.10010, -1000 * 1.27015 },
        { "EURGBP", PositionType.Buy, 1.0, 0.86000, "EUR", 1000.0, -1000 / 0.85000 },
        // XAUUSD buy 1: margin 1 × 100 × 2 300.25 / 100; profit (2 300 − 2 250) × 100.
        { "XAUUSD", PositionType.Buy, 1.0, 2250.00, "USD", 2300.25, 5000.0 },
        { "XAUUSD", PositionType.Buy, 1.0, 2250.00, "EUR", 2300.25 / 1.10000, 5000 / 1.10010 },
        // US500 buy 10: margin 10 × 5 000.50 / 100; profit (5 000 − 5 100) × 10.
        { "US500", PositionType.Buy, 10.0, 5100.00, "USD", 500.05, -1000.0 },
        { "US500", PositionType.Buy, 10.0, 5100.00, "EUR", 500.05 / 1.10000, -1000 / 1.10000 },
        // GER40 sell 10: margin 10 × 18 000 / 100 EUR; profit (18 100 − 18 001.20) × 10 EUR.
        { "GER40", PositionType.Sell, 10.0, 18100.00, "EUR", 1800.0, 988.0 },
        { "GER40", PositionType.Sell, 10.0, 18100.00, "USD", 1800 * 1.10010, 988 * 1.10000 },
        // BTCUSD sell 0.5: margin 0.5 × 60 000 / 100; profit (62 000 − 60 025) × 0.5.
        { "BTCUSD", PositionType.Sell, 0.5, 62000.00, "USD", 300.0, 987.5 },
        { "BTCUSD", PositionType.Sell, 0.5, 62000.00, "EUR", 300 / 1.10000, 987.5 / 1.10010 },
        // GBP account: EUR costs at the EURGBP ask 0.85012; USD costs at 1 / GBPUSD bid 1.27000, USD gains at 1 / ask 1.27015.
        { "EURUSD", PositionType.Buy, 1.0, 1.09000, "GBP", 1000 * 0.85012, 1000 / 1.27015 },
        { "EURGBP", PositionType.Buy, 1.0, 0.86000, "GBP", 1000 * 0.85012, -1000.0 },
        { "XAUUSD", PositionType.Buy, 1.0, 2250.00, "GBP", 2300.25 / 1.27000, 5000 / 1.27015 },
        // JPY account: EUR costs at the EURJPY ask 165.030; USD costs at the USDJPY ask 150.020, USD gains at its bid 150.000.
        { "EURUSD", PositionType.Buy, 1.0, 1.09000, "JPY", 1000 * 165.030, 1000 * 150.000 },
        { "USDJPY", PositionType.Sell, 1.0, 151.000, "JPY", 1000 * 150.020, 98000.0 },
        { "XAUUSD", PositionType.Buy, 1.0, 2250.00, "JPY", 2300.25 * 150.020, 5000 * 150.000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnePosition_MarginAndFloatingProfit_MatchHandCalculation(
        string symbol, PositionType side, double lots, double entry, string currency, double margin, double profit)
    {
        var board = new QuoteBoard(Catalog);
        SetMarket(board, s_monday);
        var id = Id(board, symbol);

        // Entry quote: a buy fills at the ask, a sell at the bid, so put that side at the entry price.
        var spread = QuoteOf(symbol).Ask - QuoteOf(symbol).Bid;
        board.Update(id, side == PositionType.Buy ? entry - spread : entry, side == PositionType.Buy ? entry : entry + spread, s_monday);
        var account = new TradingAccount("figures", Settings(currency, AccountMarginMode.RetailHedging), board, Deposit, s_monday);
        account.OnQuote(id);
        var result = account.Send(new TradeRequest
        {
            Action = TradeAction.Deal,
            Symbol = symbol,
            Type = side == PositionType.Buy ? OrderType.Buy : OrderType.Sell,
            Volume = (decimal)lots,
        });
        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(entry, result.Price, 9);

        // The market moves to the fixed quotes.
        var later = s_monday + 60_000;
        var quote = QuoteOf(symbol);
        board.Update(id, quote.Bid, quote.Ask, later);
        account.OnQuote(id);

        var position = Assert.Single(account.Positions);
        var snapshot = account.Snapshot();
        Assert.Equal(margin, snapshot.Margin, 6);
        Assert.Equal(profit, account.FloatingProfit(position), 6);
        Assert.Equal(profit, snapshot.Profit, 6);
        Assert.Equal((double)Deposit + profit, snapshot.Equity, 6);
        Assert.Equal(Deposit, snapshot.Balance);
    }

    [Fact]
    public void FloatingProfit_PositionsOnThreeSymbolsValuedInTurn_EachMatchesHandCalculation()
    {
        // Opened and valued at the fixed quotes, so each loses its spread. EURUSD buy 1 at the ask 1.10010, valued at the
        // bid 1.10000: −10 USD. USDJPY sell 1 at the bid 150.000, valued at the ask 150.020: −2 000 JPY, paid at
        // 1 / 150.000 = −13.333… USD. XAUUSD buy 1 at 2 300.25, valued at 2 300.00: −0.25 × 100 = −25 USD.
        var board = new QuoteBoard(Catalog);
        SetMarket(board, s_monday);
        var account = new TradingAccount("several", Settings("USD", AccountMarginMode.RetailHedging), board, Deposit, s_monday);
        var expected = new Dictionary<string, double> { ["EURUSD"] = -10.0, ["USDJPY"] = -2000 / 150.000, ["XAUUSD"] = -25.0 };
        foreach (var (symbol, type) in new[] { ("EURUSD", OrderType.Buy), ("USDJPY", OrderType.Sell), ("XAUUSD", OrderType.Buy) })
        {
            Assert.Equal(TradeRetcode.Done, account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = symbol, Type = type, Volume = 1m }).Retcode);
        }

        // In turn and repeated: each valuation looks up another symbol (and conversion pair) than the one before.
        var positions = account.Positions;
        foreach (var k in new[] { 0, 1, 2, 0, 2, 1, 1, 0 })
        {
            Assert.Equal(expected[positions[k].Symbol], account.FloatingProfit(positions[k]), 9);
        }
    }

    [Fact]
    public void HedgedPair_AccountMargin_IsTheSymbolMarginNotTheSumOfLegs()
    {
        // EURUSD buy 1.2 and sell 1 on a hedging account (MARGIN_HEDGED 0): only the uncovered 0.2 lot holds margin,
        // 0.2 × 100 000 / 100 = 200 EUR × 1.10010 = 220.02 USD.
        var board = new QuoteBoard(Catalog);
        SetMarket(board, s_monday);
        var account = new TradingAccount("hedged", Settings("USD", AccountMarginMode.RetailHedging), board, Deposit, s_monday);

        Assert.Equal(TradeRetcode.Done, account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1.2m }).Retcode);
        Assert.Equal(TradeRetcode.Done, account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 1m }).Retcode);

        Assert.Equal(2, account.Positions.Count);
        Assert.Equal(200 * 1.10010, account.Snapshot().Margin, 6);
    }

    [Theory]
    // EURUSD long 1 lot, swap −6.5 points = −6.50 USD a night. Rollover is server midnight = 22:00 UTC (offset +2 h).
    // Tuesday night ×1 = −6.50; Wednesday night ×3 = −19.50; total −26.00 USD.
    [InlineData("USD", -6.50, -19.50)]
    // EUR account: −6.50 USD at the pay side 1 / 1.10000 = −5.9090… EUR, rounded per charge: −5.91 and −17.73 (−17.727…).
    [InlineData("EUR", -5.91, -17.73)]
    public void Rollover_LongOverTuesdayAndWednesday_AccruesOneAndThreeNightsAndTheCloseRealisesThem(string currency, double tuesday, double wednesday)
    {
        var tuesdayNoon = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var board = new QuoteBoard(Catalog);
        SetMarket(board, tuesdayNoon);
        var settings = Settings(currency, AccountMarginMode.RetailHedging) with { Commission = new CommissionSchedule(PerLot: 3.5m) };
        var account = new TradingAccount("swaps", settings, board, Deposit, tuesdayNoon);
        var open = account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m });
        Assert.Equal(TradeRetcode.Done, open.Retcode);

        // Just after Tuesday's rollover: one night; just after Wednesday's: three more.
        account.AdvanceTime(new DateTimeOffset(2024, 3, 5, 22, 0, 1, TimeSpan.Zero).ToUnixTimeMilliseconds());
        Assert.Equal((decimal)tuesday, Assert.Single(account.Positions).Swap);
        var thursdayNoon = new DateTimeOffset(2024, 3, 7, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        account.AdvanceTime(thursdayNoon);
        var swap = (decimal)tuesday + (decimal)wednesday;
        var position = Assert.Single(account.Positions);
        Assert.Equal(swap, position.Swap);
        Assert.Equal(Deposit - 3.50m, account.Balance);

        // Floating profit includes the swap: bought at the ask 1.10010, valued at the bid 1.10000 = −10 USD.
        var spreadLoss = currency == "USD" ? -10.0 : -10 / 1.10000;
        Assert.Equal(spreadLoss + (double)swap, account.FloatingProfit(position), 6);

        // As MetaTrader reports it (POSITION_PROFIT), the profit leaves the swap apart, at the closing bid.
        var state = account.StateOf(position);
        Assert.Equal(1.10000, state.PriceCurrent);
        Assert.Equal(Math.Round(spreadLoss, 2), state.Profit);

        var close = account.Send(new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 1m, Position = position.Ticket,
        });
        Assert.Equal(TradeRetcode.Done, close.Retcode);
        var closing = Assert.Single(account.Deals(HistoryQuery.All), d => d.Ticket == close.Deal);
        Assert.Equal(swap, closing.Swap);
        Assert.Equal(-3.50m, closing.Commission);
        Assert.Equal(CurrencyDigits.Round(spreadLoss, 2), closing.Profit);

        // Balance = deposit − two commissions + profit + swap.
        Assert.Equal(Deposit - 7.00m + closing.Profit + swap, account.Balance);
        Assert.Empty(account.Positions);
    }

    [Fact]
    public void JpyAccount_ClosingDealProfit_IsRoundedToWholeYen()
    {
        var board = new QuoteBoard(Catalog);
        SetMarket(board, s_monday);
        var eurusd = Id(board, "EURUSD");
        board.Update(eurusd, 1.08990, 1.09000, s_monday);
        var account = new TradingAccount("yen", Settings("JPY", AccountMarginMode.RetailHedging), board, Deposit, s_monday);
        var open = account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m });
        Assert.Equal(1.09000, open.Price, 9);

        // Closed at the bid 1.10003: 0.01003 × 10 000 = 100.3 USD, received at the USDJPY bid 150.007 = 15 045.7021 JPY.
        board.Update(eurusd, 1.10003, 1.10013, s_monday + 60_000);
        board.Update(Id(board, "USDJPY"), 150.007, 150.027, s_monday + 60_000);
        account.OnQuote(eurusd);
        var close = account.Send(new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.1m, Position = open.Position,
        });

        var deal = Assert.Single(account.Deals(HistoryQuery.All), d => d.Ticket == close.Deal);
        Assert.Equal(15_046m, deal.Profit);
        Assert.Equal(Deposit + 15_046m, account.Balance);
    }

    internal static AccountSettings Settings(string currency, AccountMarginMode mode) => new()
    {
        Info = new AccountInfo
        {
            Login = 1,
            Server = "test",
            Currency = currency,
            CurrencyDigits = CurrencyDigits.For(currency),
            Leverage = 100,
            TradeMode = AccountTradeMode.Demo,
            MarginMode = mode,
        },
    };

    private static void SetMarket(QuoteBoard board, long timeMs)
    {
        foreach (var (symbol, bid, ask) in Quotes)
        {
            board.Update(Id(board, symbol), bid, ask, timeMs);
        }
    }

    private static int Id(QuoteBoard board, string symbol) =>
        board.TryGetId(symbol, out var id) ? id : throw new ArgumentException($"{symbol} is not on the board.", nameof(symbol));
}
