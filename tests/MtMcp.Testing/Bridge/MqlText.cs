using System.Text;

namespace MtMcp.Testing.Bridge;

/// <summary>
/// MQL enum names as MetaTrader prints them (<c>EnumToString</c>), written for the simulated EA independently of the
/// server's own tables, so a naming mistake on either side shows up as a failing test.
/// </summary>
public static class MqlText
{
    /// <summary>The MQL name of <paramref name="value"/> under <paramref name="prefix"/> (<c>ORDER_TYPE_</c> + BUY_LIMIT).</summary>
    public static string Name<T>(string prefix, T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var special = (prefix, name) switch
        {
            ("TRADE_ACTION_", "SlTp") => "SLTP",
            ("DEAL_ENTRY_", "InOut") => "INOUT",
            (_, "StopLoss") when prefix.EndsWith("REASON_", StringComparison.Ordinal) => "SL",
            (_, "TakeProfit") when prefix.EndsWith("REASON_", StringComparison.Ordinal) => "TP",
            (_, "StopOut") when prefix.EndsWith("REASON_", StringComparison.Ordinal) => "SO",
            ("DEAL_REASON_", "VariationMargin") => "VMARGIN",
            ("SYMBOL_CALC_MODE_", "CfdIndex") => "CFDINDEX",
            ("SYMBOL_CALC_MODE_", "CfdLeverage") => "CFDLEVERAGE",
            ("SYMBOL_TRADE_MODE_", "LongOnly") => "LONGONLY",
            ("SYMBOL_TRADE_MODE_", "ShortOnly") => "SHORTONLY",
            ("SYMBOL_TRADE_MODE_", "CloseOnly") => "CLOSEONLY",
            _ => null,
        };
        return prefix + (special ?? UpperSnake(name));
    }

    /// <summary>The member of <typeparamref name="T"/> whose MQL name is <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">No member has that name.</exception>
    public static T Parse<T>(string prefix, string? text)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (Name(prefix, value) == text)
            {
                return value;
            }
        }

        throw new FormatException($"'{text}' is not a {prefix}* name.");
    }

    private static string UpperSnake(string pascal)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
