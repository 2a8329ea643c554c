using static MtMcp.Engine.Tests.Accounting.Market;

namespace MtMcp.Engine.Tests.Accounting;

/// <summary>
/// Floating profit of one position in the account currency (the figure the account's equity sums), hand-calculated:
/// a buy closes at the bid, a sell at the ask; profits convert at the receive side, losses at the pay side.
/// </summary>
public sealed class FloatingProfitTests
{
    public static TheoryData<string, PositionType, double, double, string, double> Cases() => new()
    {
        // EURUSD buy 1 @ 1.09000, bid 1.10000: +0.01 × 100 000 = 1 000 USD; in EUR received at 1 / ask 1.10010.
        { "EURUSD", PositionType.Buy, 1.0, 1.09000, "USD", 1000.0 },
        { "EURUSD", PositionType.Buy, 1.0, 1.09000, "EUR", 1000 / 1.10010 },
        // USDJPY sell 1 @ 151.000, ask 150.020: 0.98 × 100 000 = 98 000 JPY; / 150.020 USD; EUR via EURJPY ask 165.030.
        { "USDJPY", PositionType.Sell, 1.0, 151.000, "USD", 98000 / 150.020 },
        { "USDJPY", PositionType.Sell, 1.0, 151.000, "EUR", 98000 / 165.030 },
        // EURGBP buy 1 @ 0.86000, bid 0.85000: −1 000 GBP; paid at GBPUSD ask 1.27015, or 1 / EURGBP bid 0.85000 in EUR.
        { "EURGBP", PositionType.Buy, 1.0, 0.86000, "USD", -1000 * 1.27015 },
        { "EURGBP", PositionType.Buy, 1.0, 0.86000, "EUR", -1000 / 0.85000 },
        // XAUUSD buy 1 @ 2 250, bid 2 300: 50 × 100 = 5 000 USD.
        { "XAUUSD", PositionType.Buy, 1.0, 2250.00, "USD", 5000.0 },
        { "XAUUSD", PositionType.Buy, 1.0, 2250.00, "EUR", 5000 / 1.10010 },
        // US500 buy 10 @ 5 100, bid 5 000: −100 × 1 × 10 = −1 000 USD.
        { "US500", PositionType.Buy, 10.0, 5100.00, "USD", -1000.0 },
        { "US500", PositionType.Buy, 10.0, 5100.00, "EUR", -1000 / 1.10000 },
        // GER40 sell 10 @ 18 100, ask 18 001.20: 98.8 × 10 = 988 EUR; USD received at the EURUSD bid 1.10000.
        { "GER40", PositionType.Sell, 10.0, 18100.00, "EUR", 988.0 },
        { "GER40", PositionType.Sell, 10.0, 18100.00, "USD", 988 * 1.10000 },
        // BTCUSD sell 0.5 @ 62 000, ask 60 025: 1 975 × 0.5 = 987.5 USD.
        { "BTCUSD", PositionType.Sell, 0.5, 62000.00, "USD", 987.5 },
        { "BTCUSD", PositionType.Sell, 0.5, 62000.00, "EUR", 987.5 / 1.10010 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProfitInAccountCurrency_SixSymbolsOnUsdAndEurAccounts_MatchesHandCalculation(
        string symbol, PositionType side, double lots, double open, string account, double expected)
    {
        var quote = QuoteOf(symbol);
        var close = side == PositionType.Buy ? quote.Bid : quote.Ask;

        var profit = TradeMath.ProfitInAccountCurrency(Spec(symbol), side, lots, open, close, account, Converter());

        Assert.Equal(expected, profit, 7);
    }
}
