using System.Text;

namespace MtMcp.Server.Tools;

/// <summary>
/// Text that comes from outside (symbol descriptions from configuration, broker comments, echoed arguments) is
/// returned as data: control and formatting characters removed, length capped, so it cannot smuggle layout or
/// hidden instructions into a model's context.
/// </summary>
internal static class UntrustedText
{
    /// <summary>The text without control or invisible formatting characters, at most <paramref name="maxLength"/> characters.</summary>
    public static string Clean(string text, int maxLength = 256)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse)
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
