namespace MtMcp.Domain.Tests;

public sealed class CurrencyDigitsTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    public void For_KnowsZeroDigitCurrencies(string currency, int digits) => Assert.Equal(digits, CurrencyDigits.For(currency));

    [Theory]
    [InlineData(0.125, 2, "0.13")]
    [InlineData(-0.125, 2, "-0.13")]
    [InlineData(1.005, 2, "1.01")]   // 1.005 is 1.00499999... as a double; MT5 still shows 1.01
    [InlineData(2.5, 0, "3")]
    public void Round_HalvesAwayFromZero(double amount, int digits, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CurrencyDigits.Round(amount, digits));

    [Fact]
    public void Round_RejectsNonFiniteAmounts() => Assert.Throws<ArgumentOutOfRangeException>(() => CurrencyDigits.Round(double.NaN, 2));
}
