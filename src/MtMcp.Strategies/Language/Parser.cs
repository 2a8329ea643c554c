namespace MtMcp.Strategies;

/// <summary>
/// Recursive-descent parser of one expression. Precedence, loosest first: <c>or</c>, <c>and</c>, <c>not</c>,
/// comparisons (not chained), <c>+ -</c>, <c>* / %</c>, unary minus, then postfix <c>[ago]</c> and <c>.output</c>
/// on a primary (number, name, call, <c>tf:</c> prefix, parentheses).
/// </summary>
internal sealed class Parser
{
    // Deep enough for any real rule, shallow enough that hostile input cannot exhaust the stack.
    private const int MaxDepth = 100;

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/> into a syntax tree.</summary>
    /// <exception cref="ExpressionException">A syntax error, with its position.</exception>
    public static Expr Parse(string text)
    {
        var parser = new Parser(Tokenizer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionException("The expression is empty.", 0, 0, "Write a rule such as crossover(sma(close, 10), sma(close, 30)).");
        }

        var expr = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected("an operator or the end of the expression");
        }

        return expr;
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            var right = ParseAnd();
            left = new BinaryExpr(TokenKind.Or, left, right, op.Start, left.Start, right.End);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            var op = Advance();
            var right = ParseNot();
            left = new BinaryExpr(TokenKind.And, left, right, op.Start, left.Start, right.End);
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var op = Advance();
        Enter(op);
        var operand = ParseNot();
        _depth--;
        return new UnaryExpr(TokenKind.Not, operand, op.Start, operand.End);
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (Current.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Equal or TokenKind.NotEqual)
        {
            var op = Advance();
            var right = ParseAdditive();
            left = new BinaryExpr(op.Kind, left, right, op.Start, left.Start, right.End);
            if (Current.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Equal or TokenKind.NotEqual)
            {
                throw new ExpressionException("Comparisons cannot be chained.", Current.Start, Current.Length, "Write a < b and b < c.");
            }
        }

        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplicative();
            left = new BinaryExpr(op.Kind, left, right, op.Start, left.Start, right.End);
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinaryExpr(op.Kind, left, right, op.Start, left.Start, right.End);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Minus or TokenKind.Plus))
        {
            return ParsePostfix();
        }

        var op = Advance();
        Enter(op);
        var operand = ParseUnary();
        _depth--;
        return op.Kind == TokenKind.Plus ? operand : new UnaryExpr(TokenKind.Minus, operand, op.Start, operand.End);
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.LeftBracket)
            {
                Advance();
                var ago = ParseOr();
                var close = Expect(TokenKind.RightBracket, "']' to close the look-back");
                expr = new IndexExpr(expr, ago, expr.Start, close.End);
            }
            else if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                var member = Expect(TokenKind.Identifier, "an output name after '.'");
                expr = new MemberExpr(expr, member.Text, member.Start, expr.Start, member.End);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        Enter(token);
        try
        {
            switch (token.Kind)
            {
                case TokenKind.Number:
                    Advance();
                    return new NumberExpr(token.Number, token.Start, token.End);
                case TokenKind.LeftParen:
                    Advance();
                    var inner = ParseOr();
                    Expect(TokenKind.RightParen, "')'");
                    return inner;
                case TokenKind.Identifier:
                    Advance();
                    if (Current.Kind == TokenKind.Colon)
                    {
                        Advance();
                        var operand = ParsePostfix();
                        return new TimeframeExpr(token.Text, operand, token.Start, operand.End);
                    }

                    return Current.Kind == TokenKind.LeftParen ? ParseCall(token) : new NameExpr(token.Text, token.Start, token.End);
                default:
                    throw Unexpected("a number, a name, a call or '('");
            }
        }
        finally
        {
            _depth--;
        }
    }

    private CallExpr ParseCall(Token name)
    {
        Advance();
        var arguments = new List<Argument>();
        if (Current.Kind != TokenKind.RightParen)
        {
            do
            {
                if (arguments.Count > 0)
                {
                    Advance();
                }

                if (Current.Kind == TokenKind.Identifier && _tokens[_position + 1].Kind == TokenKind.Assign)
                {
                    var argumentName = Advance();
                    Advance();
                    arguments.Add(new Argument(argumentName.Text, argumentName.Start, ParseOr()));
                }
                else
                {
                    var value = ParseOr();
                    arguments.Add(new Argument(null, value.Start, value));
                }
            }
            while (Current.Kind == TokenKind.Comma);
        }

        var close = Expect(TokenKind.RightParen, "',' or ')' in the argument list");
        return new CallExpr(name.Text, arguments, name.Start, close.End);
    }

    private Token Expect(TokenKind kind, string what) =>
        Current.Kind == kind ? Advance() : throw Unexpected(what);

    private void Enter(Token token)
    {
        if (++_depth > MaxDepth)
        {
            throw new ExpressionException($"The expression nests deeper than {MaxDepth} levels.", token.Start, Math.Max(1, token.Length), "Split it into simpler rules.");
        }
    }

    private ExpressionException Unexpected(string expected)
    {
        var token = Current;
        return token.Kind == TokenKind.End
            ? new ExpressionException($"The expression ends early: expected {expected}.", token.Start, 0)
            : new ExpressionException($"Unexpected '{token.Text}': expected {expected}.", token.Start, token.Length);
    }
}
