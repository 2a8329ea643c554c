using static MtMcp.Engine.Tests.Accounting.Market;

namespace MtMcp.Engine.Tests.Accounting;

/// <summary>Commission per deal: per lot plus per million notional (converted at the pay side), by side, rounded.</summary>
public sealed class CommissionCalculatorTests
{
    private static decimal Commission(CommissionSchedule schedule, string symbol, bool isEntry, decimal lots, double price, string account = "USD", int digits = 2) =>
        CommissionCalculator.Commission(schedule, Spec(symbol), isEntry, lots, price, account, Converter(), digits);

    [Theory]
    [InlineData(CommissionSides.Both, true, -7.00)]
    [InlineData(CommissionSides.Both, false, -7.00)]
    [InlineData(CommissionSides.Entry, true, -7.00)]
    [InlineData(CommissionSides.Entry, false, 0.0)]
    [InlineData(CommissionSides.Exit, true, 0.0)]
    [InlineData(CommissionSides.Exit, false, -7.00)]
    public void Commission_PerLot_IsChargedOnTheConfiguredSides(CommissionSides sides, bool isEntry, double expected)
    {
        // 3.50 per lot × 2 lots = 7.00, when this side pays.
        var commission = Commission(new CommissionSchedule(PerLot: 3.5m, Sides: sides), "EURUSD", isEntry, 2m, 1.1);

        Assert.Equal((decimal)expected, commission);
    }

    [Fact]
    public void Commission_PerMillion_ChargesTheNotionalInTheAccountCurrency()
    {
        // EURUSD 2 lots at 1.10000: notional 200 000 × 1.1 = 220 000 USD; 25 per million → 5.50 USD.
        // EUR account: 220 000 USD at the pay side 1 / 1.10000 = 200 000 EUR → 5.00 EUR.
        var schedule = new CommissionSchedule(PerMillion: 25m);

        Assert.Equal(-5.50m, Commission(schedule, "EURUSD", true, 2m, 1.10000));
        Assert.Equal(-5.00m, Commission(schedule, "EURUSD", true, 2m, 1.10000, account: "EUR"));
    }

    [Fact]
    public void Commission_PerLotAndPerMillion_Add()
    {
        // XAUUSD 1 lot at 2 300.25: notional 230 025 USD × 10 / 1 000 000 = 2.30025; + 5 per lot = 7.30025 → 7.30.
        var commission = Commission(new CommissionSchedule(PerLot: 5m, PerMillion: 10m), "XAUUSD", false, 1m, 2300.25);

        Assert.Equal(-7.30m, commission);
    }

    [Fact]
    public void Commission_IsRoundedHalfAwayFromZeroToTheAccountDigits()
    {
        // 3.5 × 0.33 = 1.155 → 1.16 at two digits, 1 at zero digits (a JPY account); 3.5 × 0.01 = 0.035 → 0.04.
        var schedule = new CommissionSchedule(PerLot: 3.5m);

        Assert.Equal(-1.16m, Commission(schedule, "EURUSD", true, 0.33m, 1.1));
        Assert.Equal(-1m, Commission(schedule, "EURUSD", true, 0.33m, 1.1, digits: 0));
        Assert.Equal(-0.04m, Commission(schedule, "EURUSD", true, 0.01m, 1.1));
    }

    [Fact]
    public void Commission_NoSchedule_IsZeroAndNeedsNoQuote()
    {
        // An empty quote table: a per-lot-only schedule must not touch the converter.
        var converter = new CurrencyConverter(Catalog, new MtMcp.Testing.FixedQuotes());

        Assert.Equal(0m, CommissionCalculator.Commission(CommissionSchedule.None, Spec("GER40"), true, 1m, 18000, "USD", converter, 2));
        Assert.Equal(-3m, CommissionCalculator.Commission(new CommissionSchedule(PerLot: 3m), Spec("GER40"), true, 1m, 18000, "USD", converter, 2));
    }

    [Fact]
    public void Commission_NegativeScheduleOrVolume_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Commission(new CommissionSchedule(PerLot: -1m), "EURUSD", true, 1m, 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Commission(new CommissionSchedule(PerMillion: -1m), "EURUSD", true, 1m, 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Commission(new CommissionSchedule(PerLot: 1m), "EURUSD", true, -1m, 1.1));
    }
}
