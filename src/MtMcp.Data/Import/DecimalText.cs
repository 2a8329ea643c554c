using System.Globalization;

namespace MtMcp.Data.Import;

/// <summary>Parses decimal numbers from UTF-8 bytes without creating strings.</summary>
internal static class DecimalText
{
    // Integers up to 2^53 are exact doubles; so are 10^0..10^22.
    private const ulong MaxExactMantissa = 1UL << 53;
    private const int MaxFastDecimals = 22;
    private const int MaxMantissaDigits = 19;

    private static readonly double[] s_powersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Parses <paramref name="text"/> exactly as <c>double.Parse(text, NumberStyles.Float, InvariantCulture)</c>
    /// would. <paramref name="decimals"/> is the number of digits after the decimal point.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value, out int decimals)
    {
        if (TryParseFast(text, out value, out decimals))
        {
            return true;
        }

        decimals = CountDecimals(text);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The fast path: <c>[+-]digits[.digits]</c> whose digits form an integer mantissa m ≤ 2^53 with k ≤ 22
    /// decimals. Then m and 10^k are exact doubles and one IEEE division rounds m / 10^k correctly, which is
    /// exactly the double nearest the decimal text, i.e. what <c>double.Parse</c> returns. Anything else
    /// returns false for the general parser.
    /// </summary>
    public static bool TryParseFast(ReadOnlySpan<byte> text, out double value, out int decimals)
    {
        value = 0;
        decimals = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var significant = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var digit = unchecked((uint)(text[i] - '0'));
            if (digit <= 9)
            {
                if (significant == MaxMantissaDigits)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
                if (mantissa != 0)
                {
                    significant++;
                }

                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (text[i] == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || mantissa > MaxExactMantissa || fraction > MaxFastDecimals)
        {
            return false;
        }

        decimals = Math.Max(fraction, 0);
        var magnitude = decimals == 0 ? mantissa : mantissa / s_powersOf10[decimals];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static int CountDecimals(ReadOnlySpan<byte> text)
    {
        var point = text.IndexOf((byte)'.');
        if (point < 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = point + 1; i < text.Length && unchecked((uint)(text[i] - '0')) <= 9; i++)
        {
            count++;
        }

        return count;
    }
}
