namespace MtMcp.Strategies;

/// <summary>Kinds of expression tokens.</summary>
internal enum TokenKind
{
    End,
    Number,
    Identifier,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Colon,
    Assign,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
}

/// <summary>One token: its kind, its text span in the expression and, for numbers, the value.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text, double Number = 0)
{
    public int End => Start + Length;
}
