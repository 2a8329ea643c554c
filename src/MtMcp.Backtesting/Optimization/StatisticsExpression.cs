using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>
/// A formula over a pass's statistics, used as a custom criterion or a constraint: numbers, statistic names
/// (<c>net_profit</c>, <c>sharpe_ratio</c>, …), <c>+ - * /</c>, parentheses, <c>abs min max sqrt log</c>, comparisons
/// <c>&lt; &lt;= &gt; &gt;= == !=</c> and <c>and or not</c> (true is 1, false 0). NaN propagates through arithmetic;
/// a comparison with NaN is false.
/// </summary>
/// <remarks>Immutable and thread-safe once parsed.</remarks>
public sealed class StatisticsExpression
{
    private readonly Func<ReadOnlySpan<double>, double> _evaluate;

    private StatisticsExpression(string text, Func<ReadOnlySpan<double>, double> evaluate)
    {
        Text = text;
        _evaluate = evaluate;
    }

    private delegate double Node(ReadOnlySpan<double> values);

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>, binding names to <paramref name="names"/>.</summary>
    /// <exception cref="FormatException">A syntax error or an unknown name, with its column (1-based) and what is allowed.</exception>
    public static StatisticsExpression Parse(string text, StatisticNames names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        var parser = new Parser(text, names);
        var node = parser.Or();
        parser.ExpectEnd();
        return new StatisticsExpression(text, node.Invoke);
    }

    /// <summary>The value for <paramref name="statistics"/>.</summary>
    public double Evaluate(PassStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return _evaluate(statistics.Values);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private sealed class Parser(string text, StatisticNames names)
    {
        private int _pos;

        public Node Or()
        {
            var left = And();
            while (Keyword("or"))
            {
                var (a, b) = (left, And());
                left = v => Truth(a(v)) || Truth(b(v)) ? 1 : 0;
            }

            return left;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Error($"unexpected '{text[_pos]}'");
            }
        }

        private static bool Truth(double value) => value != 0 && !double.IsNaN(value);

        private Node And()
        {
            var left = Not();
            while (Keyword("and"))
            {
                var (a, b) = (left, Not());
                left = v => Truth(a(v)) && Truth(b(v)) ? 1 : 0;
            }

            return left;
        }

        private Node Not()
        {
            if (Keyword("not"))
            {
                var operand = Not();
                return v => Truth(operand(v)) ? 0 : 1;
            }

            return Comparison();
        }

        private Node Comparison()
        {
            var left = Sum();
            SkipSpace();
            foreach (var op in (ReadOnlySpan<string>)["<=", ">=", "==", "!=", "<", ">"])
            {
                if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
                {
                    _pos += op.Length;
                    var (a, b) = (left, Sum());
                    return op switch
                    {
                        "<=" => v => a(v) <= b(v) ? 1 : 0,
                        ">=" => v => a(v) >= b(v) ? 1 : 0,
                        "==" => v => a(v) == b(v) ? 1 : 0,
                        "!=" => v => a(v) != b(v) && !double.IsNaN(a(v)) && !double.IsNaN(b(v)) ? 1 : 0,
                        "<" => v => a(v) < b(v) ? 1 : 0,
                        _ => v => a(v) > b(v) ? 1 : 0,
                    };
                }
            }

            return left;
        }

        private Node Sum()
        {
            var left = Product();
            while (Symbol('+', '-') is var op and not '\0')
            {
                var (a, b) = (left, Product());
                left = op == '+' ? v => a(v) + b(v) : v => a(v) - b(v);
            }

            return left;
        }

        private Node Product()
        {
            var left = Unary();
            while (Symbol('*', '/') is var op and not '\0')
            {
                var (a, b) = (left, Unary());
                left = op == '*' ? v => a(v) * b(v) : v => a(v) / b(v);
            }

            return left;
        }

        private Node Unary()
        {
            if (Symbol('-', '+') is var op and not '\0')
            {
                var operand = Unary();
                return op == '-' ? v => -operand(v) : operand;
            }

            return Primary();
        }

        private Node Primary()
        {
            SkipSpace();
            if (_pos >= text.Length)
            {
                throw Error("expected a number, a statistic or '('");
            }

            var c = text[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = Or();
                Expect(')');
                return inner;
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E'
                    || (text[_pos] is '+' or '-' && text[_pos - 1] is 'e' or 'E')))
                {
                    _pos++;
                }

                if (!double.TryParse(text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    _pos = start;
                    throw Error($"'{text[start.._pos]}' is not a number");
                }

                return _ => number;
            }

            if (!char.IsAsciiLetter(c) && c != '_')
            {
                throw Error($"unexpected '{c}'");
            }

            var column = _pos;
            var name = Identifier();
            SkipSpace();
            if (_pos < text.Length && text[_pos] == '(')
            {
                _pos++;
                return Function(name, column);
            }

            var index = names.Find(name);
            if (index < 0)
            {
                _pos = column;
                throw Error($"unknown statistic '{name}'; statistics: {string.Join(", ", names.All)}");
            }

            return v => v[index];
        }

        private Node Function(string name, int column)
        {
            var args = new List<Node> { Or() };
            while (Symbol(',') != '\0')
            {
                args.Add(Or());
            }

            Expect(')');
            var arity = name is "min" or "max" ? 2 : 1;
            if (name is not ("abs" or "sqrt" or "log" or "min" or "max"))
            {
                _pos = column;
                throw Error($"unknown function '{name}'; functions: abs(x), sqrt(x), log(x), min(a, b), max(a, b)");
            }

            if (args.Count != arity)
            {
                _pos = column;
                throw Error($"{name} takes {arity} argument{(arity == 1 ? string.Empty : "s")}");
            }

            var a = args[0];
            var b = arity == 2 ? args[1] : a;
            return name switch
            {
                "abs" => v => Math.Abs(a(v)),
                "sqrt" => v => Math.Sqrt(a(v)),
                "log" => v => Math.Log(a(v)),
                "min" => v => Math.Min(a(v), b(v)),
                _ => v => Math.Max(a(v), b(v)),
            };
        }

        private string Identifier()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        private bool Keyword(string word)
        {
            SkipSpace();
            var end = _pos + word.Length;
            if (end <= text.Length && string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0
                && (end == text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')))
            {
                _pos = end;
                return true;
            }

            return false;
        }

        private char Symbol(params ReadOnlySpan<char> symbols)
        {
            SkipSpace();
            if (_pos < text.Length && symbols.Contains(text[_pos])
                && !(text[_pos] is '<' or '>' or '=' or '!'))
            {
                return text[_pos++];
            }

            return '\0';
        }

        private void Expect(char c)
        {
            if (Symbol(c) == '\0')
            {
                throw Error($"expected '{c}'");
            }
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Error(string message) => new(string.Create(CultureInfo.InvariantCulture,
            $"Expression '{text}', column {_pos + 1}: {message}."));
    }
}
