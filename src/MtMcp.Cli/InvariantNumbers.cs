using System.CommandLine.Parsing;
using System.Globalization;

namespace MtMcp.Cli;

/// <summary>
/// Parsers for numeric options that read '.' as the decimal point whatever the machine's culture, so
/// <c>--deposit 250.5</c> means the same everywhere.
/// </summary>
internal static class InvariantNumbers
{
    public static decimal Decimal(ArgumentResult result) => Parse<decimal>(result, static text =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null);

    public static decimal? OptionalDecimal(ArgumentResult result) => result.Tokens.Count == 0 ? null : Decimal(result);

    public static double Double(ArgumentResult result) => Parse<double>(result, static text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : (double?)null);

    private static T Parse<T>(ArgumentResult result, Func<string, T?> parse)
        where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (parse(text) is { } value)
        {
            return value;
        }

        result.AddError($"'{text}' is not a number: write it with '.' as the decimal point, e.g. 1234.5.");
        return default;
    }
}
