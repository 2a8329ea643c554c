using System.Globalization;
using System.Text;
using MtMcp.Data.Import;

namespace MtMcp.Data.Tests.Import;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("1.38680", 5)]
    [InlineData("0.00001", 5)]
    [InlineData("-12.5", 1)]
    [InlineData("+7", 0)]
    [InlineData("100", 0)]
    [InlineData("69109.0", 1)]
    [InlineData(".5", 1)]
    [InlineData("5.", 0)]
    [InlineData("-0.0", 1)]
    [InlineData("9007199254740992", 0)]
    [InlineData("0.0000000000000000000012", 22)]
    [InlineData("123456789012345.6", 1)]
    public void TryParseFast_SimpleDecimals_EqualsDoubleParseAndCountsDecimals(string text, int decimals)
    {
        Assert.True(DecimalText.TryParseFast(Encoding.ASCII.GetBytes(text), out var value, out var counted));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(decimals, counted);
    }

    [Theory]
    [InlineData("1e-5")]
    [InlineData("9007199254740993")]
    [InlineData("1.00000000000000000000001")]
    [InlineData("12345678901234567890")]
    [InlineData("NaN")]
    [InlineData("1,5")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    public void TryParseFast_OutsideTheExactRange_LeavesItToTheGeneralParser(string text) =>
        Assert.False(DecimalText.TryParseFast(Encoding.ASCII.GetBytes(text), out _, out _));

    [Theory]
    [InlineData("1e-5")]
    [InlineData("9007199254740993")]
    [InlineData("3.14159265358979323846264338327950288")]
    [InlineData("-Infinity")]
    public void TryParse_GeneralForms_EqualsDoubleParse(string text)
    {
        Assert.True(DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out var value, out _));
        Assert.Equal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("")]
    public void TryParse_NotANumber_Fails(string text) => Assert.False(DecimalText.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));

    // Property: over many random decimal strings of every shape the fast path accepts, its value is bit-for-bit
    // double.Parse's, and anything it declines still parses to double.Parse's value through TryParse.
    [Fact]
    public void TryParse_RandomDecimalStrings_AreBitForBitDoubleParse()
    {
        var random = new Random(20240131);
        var builder = new StringBuilder();
        var fast = 0;
        const int Cases = 300_000;
        for (var n = 0; n < Cases; n++)
        {
            builder.Clear();
            if (random.Next(4) == 0)
            {
                builder.Append(random.Next(2) == 0 ? '-' : '+');
            }

            var intDigits = random.Next(0, 12);
            var fracDigits = random.Next(intDigits == 0 ? 1 : 0, 25);
            for (var i = 0; i < intDigits; i++)
            {
                builder.Append((char)('0' + random.Next(10)));
            }

            if (fracDigits > 0 || random.Next(8) == 0)
            {
                builder.Append('.');
            }

            for (var i = 0; i < fracDigits; i++)
            {
                // Runs of zeros and nines stress rounding at the half-way points.
                var digit = random.Next(6) switch { 0 => 0, 1 => 9, _ => random.Next(10) };
                builder.Append((char)('0' + digit));
            }

            var text = builder.ToString();
            var bytes = Encoding.ASCII.GetBytes(text);
            var expected = BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            if (DecimalText.TryParseFast(bytes, out var quick, out _))
            {
                fast++;
                Assert.True(expected == BitConverter.DoubleToInt64Bits(quick), $"fast path differs from double.Parse for '{text}'");
            }

            Assert.True(DecimalText.TryParse(bytes, out var value, out _));
            Assert.True(expected == BitConverter.DoubleToInt64Bits(value), $"TryParse differs from double.Parse for '{text}'");
        }

        // The generator must exercise the fast path heavily, not just the fallback.
        Assert.True(fast > Cases / 3, $"only {fast} of {Cases} strings took the fast path");
    }
}
