using System.Globalization;

namespace MtMcp.Strategies;

/// <summary>Splits an expression into tokens; a character that starts no token is a positioned error.</summary>
internal static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with <see cref="TokenKind.End"/>.</summary>
    /// <exception cref="ExpressionException">A character that starts no token, or a malformed number.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                var span = text.AsSpan(start, i - start);
                if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new ExpressionException($"'{span}' is not a number.", start, i - start, "Write numbers as 12, 0.5 or 1e-4.");
                }

                tokens.Add(new Token(TokenKind.Number, start, i - start, span.ToString(), value));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                var kind = word.ToLowerInvariant() switch
                {
                    "and" => TokenKind.And,
                    "or" => TokenKind.Or,
                    "not" => TokenKind.Not,
                    _ => TokenKind.Identifier,
                };
                tokens.Add(new Token(kind, start, i - start, word));
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var (op, length) = (c, next) switch
            {
                ('<', '=') => (TokenKind.LessEqual, 2),
                ('>', '=') => (TokenKind.GreaterEqual, 2),
                ('=', '=') => (TokenKind.Equal, 2),
                ('!', '=') => (TokenKind.NotEqual, 2),
                ('&', '&') => (TokenKind.And, 2),
                ('|', '|') => (TokenKind.Or, 2),
                ('<', _) => (TokenKind.Less, 1),
                ('>', _) => (TokenKind.Greater, 1),
                ('=', _) => (TokenKind.Assign, 1),
                ('!', _) => (TokenKind.Not, 1),
                ('(', _) => (TokenKind.LeftParen, 1),
                (')', _) => (TokenKind.RightParen, 1),
                ('[', _) => (TokenKind.LeftBracket, 1),
                (']', _) => (TokenKind.RightBracket, 1),
                (',', _) => (TokenKind.Comma, 1),
                ('.', _) => (TokenKind.Dot, 1),
                (':', _) => (TokenKind.Colon, 1),
                ('+', _) => (TokenKind.Plus, 1),
                ('-', _) => (TokenKind.Minus, 1),
                ('*', _) => (TokenKind.Star, 1),
                ('/', _) => (TokenKind.Slash, 1),
                ('%', _) => (TokenKind.Percent, 1),
                _ => (TokenKind.End, 0),
            };
            if (length == 0)
            {
                throw new ExpressionException(
                    $"Unexpected character '{c}'.", start, 1,
                    "Expressions use numbers, names, ( ) [ ] , . : and the operators + - * / % < <= > >= == != and or not.");
            }

            tokens.Add(new Token(op, start, length, text.Substring(start, length)));
            i += length;
        }

        tokens.Add(new Token(TokenKind.End, text.Length, 0, string.Empty));
        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }
}
