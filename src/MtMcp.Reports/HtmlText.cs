using System.Text;

namespace MtMcp.Reports;

/// <summary>Escaping of text for HTML and SVG (XML) content and attribute values.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Appends <paramref name="text"/> with <c>&amp; &lt; &gt; " '</c> escaped, and characters XML forbids (controls other than
    /// tab, line feed and carriage return; lone surrogates) replaced by U+FFFD, so hostile text can neither open a tag or comment
    /// nor make the SVG ill-formed.
    /// </summary>
    public static StringBuilder Append(StringBuilder builder, string? text)
    {
        if (text is null)
        {
            return builder;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder;
    }

    /// <summary>The escaped text.</summary>
    public static string Escape(string? text) => Append(new StringBuilder(), text).ToString();
}
