using System.Globalization;
using MtMcp.Indicators;

namespace MtMcp.Strategies;

/// <summary>
/// Checks and compiles a strategy's expressions for given parameter values into delegates over ring buffers and
/// streaming indicators: one pass does both, so what validates is exactly what runs. Identical indicator calls share
/// one stream; all allocation happens here, none per bar.
/// </summary>
internal sealed partial class Compiler
{
    internal static readonly string[] Series = ["open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"];
    internal static readonly string[] Functions = ["crossover", "crossunder", "highest", "lowest", "abs", "min", "max"];

    // Far enough back for any rule, small enough that the rings stay in cache.
    private const int MaxLookBack = 10_000;

    private readonly StrategyDocument _document;
    private readonly IReadOnlyDictionary<string, double> _values;
    private readonly Clock _primary;
    private readonly List<Clock> _longer = [];
    private readonly Dictionary<string, IndicatorNode> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlignNode> _aligns = new(StringComparer.Ordinal);

    private Compiler(StrategyDocument document, IReadOnlyDictionary<string, double> values)
    {
        _document = document;
        _values = values;
        _primary = new Clock(document.Timeframe, document.Timeframe?.Seconds() ?? 0);
    }

    /// <summary>
    /// Compiles every rule of <paramref name="document"/> with <paramref name="values"/> (one per declared parameter);
    /// returns null and adds positioned errors to <paramref name="diagnostics"/> when a rule does not check.
    /// </summary>
    public static CompiledStrategy? Compile(StrategyDocument document, IReadOnlyDictionary<string, double> values, List<StrategyDiagnostic> diagnostics)
    {
        var compiler = new Compiler(document, values);
        var rules = new Dictionary<string, Func<int, double>>(StringComparer.Ordinal);
        var failed = false;
        foreach (var rule in document.Rules)
        {
            try
            {
                var bound = compiler.Compile(rule.Expression, compiler._primary, 0);
                if (bound.IsBool != RuleFields.IsCondition(rule.Field))
                {
                    throw bound.IsBool
                        ? new ExpressionException($"{rule.Field} must be a number (a {RuleFields.Unit(rule.Field)}), not a condition.", 0, rule.Text.Length, "e.g. 2 * atr(14)")
                        : new ExpressionException($"{rule.Field} must be a condition (true or false), not a number.", 0, rule.Text.Length, "Compare it: e.g. close > sma(close, 20).");
                }

                rules[rule.Field] = compiler.OnPrimary(bound).Eval;
            }
            catch (ExpressionException exception)
            {
                diagnostics.Add(document.Locate(rule.Field, exception));
                failed = true;
            }
        }

        if (failed)
        {
            return null;
        }

        return new CompiledStrategy(document, compiler.Seal(), rules);
    }

    /// <summary>Allocates every ring and builds the feed that drives the clocks, longest timeframe first.</summary>
    private StrategyFeed Seal()
    {
        _primary.Seal();
        _longer.Sort((a, b) => b.Seconds.CompareTo(a.Seconds));
        foreach (var clock in _longer)
        {
            clock.Seal();
        }

        return new StrategyFeed(_primary, [.. _longer], [.. _indicators.Values]);
    }

    private Bound Compile(Expr expr, Clock clock, int maxAgo) => expr switch
    {
        NumberExpr number => Bound.Constant(number.Value),
        NameExpr name => CompileName(name, clock, maxAgo),
        UnaryExpr unary => CompileUnary(unary, clock, maxAgo),
        BinaryExpr binary => CompileBinary(binary, clock, maxAgo),
        IndexExpr index => CompileIndex(index, clock, maxAgo),
        TimeframeExpr timeframe => Compile(timeframe.Operand, ClockOf(timeframe), maxAgo),
        CallExpr call => CompileCall(call, clock, maxAgo, null),
        MemberExpr member => CompileMember(member, clock, maxAgo),
        _ => throw new ExpressionException("Unsupported expression.", expr.Start, expr.End - expr.Start),
    };

    private Bound CompileName(NameExpr name, Clock clock, int maxAgo)
    {
        var lower = name.Name.ToLowerInvariant();
        var bars = clock.Bars;
        ValueRing? column = lower switch
        {
            "open" => bars.Open,
            "high" => bars.High,
            "low" => bars.Low,
            "close" => bars.Close,
            "volume" => bars.Volume,
            _ => null,
        };
        if (column is not null)
        {
            column.Require(maxAgo + 1);
            return new Bound(ago => column[ago], false, clock, Tf(clock) + lower, Ring: column);
        }

        if (lower is "hl2" or "hlc3" or "ohlc4")
        {
            bars.Open.Require(maxAgo + 1);
            bars.High.Require(maxAgo + 1);
            bars.Low.Require(maxAgo + 1);
            bars.Close.Require(maxAgo + 1);
            Func<int, double> eval = lower switch
            {
                "hl2" => ago => (bars.High[ago] + bars.Low[ago]) / 2,
                "hlc3" => ago => (bars.High[ago] + bars.Low[ago] + bars.Close[ago]) / 3,
                _ => ago => (bars.Open[ago] + bars.High[ago] + bars.Low[ago] + bars.Close[ago]) / 4,
            };
            return new Bound(eval, false, clock, Tf(clock) + lower);
        }

        if (lower is "true" or "false")
        {
            return Bound.Constant(lower == "true" ? 1 : 0, isBool: true);
        }

        if (_document.Parameter(name.Name) is { } parameter)
        {
            return Bound.Constant(_values[parameter.Name]);
        }

        var hint = Functions.Contains(lower, StringComparer.Ordinal) || IndicatorRegistry.TryGet(lower, out _)
            ? $"{name.Name} is a function: call it, e.g. {lower}(...)."
            : Suggest.Hint(name.Name, Series.Concat(_document.Parameters.Select(p => p.Name)).Append("true").Append("false"))
              ?? $"Names are the series {string.Join(", ", Series)}, the declared parameters, true and false.";
        throw new ExpressionException($"Unknown name '{name.Name}'.", name.Start, name.End - name.Start, hint);
    }

    private Bound CompileUnary(UnaryExpr unary, Clock clock, int maxAgo)
    {
        var operand = Compile(unary.Operand, clock, maxAgo);
        if (unary.Operator == TokenKind.Not)
        {
            RequireBool(operand, unary.Operand, "not");
            var f = operand.Eval;
            return operand.IsConstant
                ? Bound.Constant(operand.Value == 0 ? 1 : 0, isBool: true)
                : new Bound(ago => f(ago) == 0 ? 1 : 0, true, operand.Clock, "!" + operand.Key);
        }

        RequireNumber(operand, unary.Operand, "-");
        var g = operand.Eval;
        return operand.IsConstant ? Bound.Constant(-operand.Value) : new Bound(ago => -g(ago), false, operand.Clock, "-" + operand.Key);
    }

    private Bound CompileBinary(BinaryExpr binary, Clock clock, int maxAgo)
    {
        var left = Compile(binary.Left, clock, maxAgo);
        var right = Compile(binary.Right, clock, maxAgo);
        var op = binary.Operator;
        var symbol = Symbol(op);
        var logical = op is TokenKind.And or TokenKind.Or;
        if (logical)
        {
            RequireBool(left, binary.Left, symbol);
            RequireBool(right, binary.Right, symbol);
        }
        else
        {
            RequireNumber(left, binary.Left, symbol);
            RequireNumber(right, binary.Right, symbol);
        }

        var isBool = logical || op is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Equal or TokenKind.NotEqual;
        if (left.IsConstant && right.IsConstant)
        {
            return Bound.Constant(Apply(op, left.Value, right.Value), isBool);
        }

        (left, right, var common) = Unify(left, right);
        var a = left.Eval;
        var b = right.Eval;
        Func<int, double> eval = op switch
        {
            TokenKind.Plus => ago => a(ago) + b(ago),
            TokenKind.Minus => ago => a(ago) - b(ago),
            TokenKind.Star => ago => a(ago) * b(ago),
            TokenKind.Slash => ago => a(ago) / b(ago),
            TokenKind.Percent => ago => a(ago) % b(ago),
            TokenKind.Less => ago => a(ago) < b(ago) ? 1 : 0,
            TokenKind.LessEqual => ago => a(ago) <= b(ago) ? 1 : 0,
            TokenKind.Greater => ago => a(ago) > b(ago) ? 1 : 0,
            TokenKind.GreaterEqual => ago => a(ago) >= b(ago) ? 1 : 0,
            TokenKind.Equal => ago => a(ago) == b(ago) ? 1 : 0,
            TokenKind.NotEqual => ago => a(ago) != b(ago) ? 1 : 0,
            TokenKind.And => ago => a(ago) != 0 && b(ago) != 0 ? 1 : 0,
            _ => ago => a(ago) != 0 || b(ago) != 0 ? 1 : 0,
        };
        return new Bound(eval, isBool, common, $"({left.Key}{symbol}{right.Key})");
    }

    private static double Apply(TokenKind op, double x, double y) => op switch
    {
        TokenKind.Plus => x + y,
        TokenKind.Minus => x - y,
        TokenKind.Star => x * y,
        TokenKind.Slash => x / y,
        TokenKind.Percent => x % y,
        TokenKind.Less => x < y ? 1 : 0,
        TokenKind.LessEqual => x <= y ? 1 : 0,
        TokenKind.Greater => x > y ? 1 : 0,
        TokenKind.GreaterEqual => x >= y ? 1 : 0,
        TokenKind.Equal => x == y ? 1 : 0,
        TokenKind.NotEqual => x != y ? 1 : 0,
        TokenKind.And => x != 0 && y != 0 ? 1 : 0,
        _ => x != 0 || y != 0 ? 1 : 0,
    };

    private Bound CompileIndex(IndexExpr index, Clock clock, int maxAgo)
    {
        var agoBound = Compile(index.Ago, clock, 0);
        var span = index.Ago.End - index.Ago.Start;
        if (!agoBound.IsConstant || agoBound.IsBool)
        {
            throw new ExpressionException("A look-back must be a whole number or a parameter.", index.Ago.Start, span, "e.g. close[1] is the previous bar's close.");
        }

        var k = agoBound.Value;
        if (!(k >= 0 && k <= MaxLookBack && k == Math.Floor(k)))
        {
            throw new ExpressionException(
                string.Create(CultureInfo.InvariantCulture, $"The look-back {k} is not a whole number from 0 to {MaxLookBack}."),
                index.Ago.Start, span, "Look-backs count bars into the past; there is no look-ahead.");
        }

        var ago = (int)k;
        var target = Compile(index.Target, clock, maxAgo + ago);
        if (target.IsConstant || ago == 0)
        {
            return target;
        }

        var f = target.Eval;
        return new Bound(i => f(i + ago), target.IsBool, target.Clock, string.Create(CultureInfo.InvariantCulture, $"{target.Key}[{ago}]"));
    }

    private Bound CompileMember(MemberExpr member, Clock clock, int maxAgo)
    {
        var target = member.Target;
        while (target is TimeframeExpr timeframe)
        {
            clock = ClockOf(timeframe);
            target = timeframe.Operand;
        }

        return target is CallExpr call && IndicatorRegistry.TryGet(call.Name, out _) && !Functions.Contains(call.Name.ToLowerInvariant(), StringComparer.Ordinal)
            ? CompileCall(call, clock, maxAgo, member)
            : throw new ExpressionException(
                $"'.{member.Member}' selects an indicator output, but its left side is not an indicator call.", member.MemberStart - 1,
                member.End - member.MemberStart + 1, "e.g. macd(close).macd_signal");
    }

    /// <summary>The bound seen on the strategy's own bars: a longer timeframe's value is aligned onto them.</summary>
    private Bound OnPrimary(Bound bound) => bound.Clock is null || bound.Clock == _primary ? bound : Align(bound, _primary);

    /// <summary>Brings two operands onto one timeframe: the shorter one, aligning the longer (no look-ahead).</summary>
    private (Bound Left, Bound Right, Clock? Common) Unify(Bound left, Bound right)
    {
        if (left.Clock is null || right.Clock is null || left.Clock == right.Clock)
        {
            return (left, right, left.Clock ?? right.Clock);
        }

        var shorter = left.Clock.Seconds <= right.Clock.Seconds ? left.Clock : right.Clock;
        return (left.Clock == shorter ? left : Align(left, shorter), right.Clock == shorter ? right : Align(right, shorter), shorter);
    }

    private Bound Align(Bound bound, Clock target)
    {
        var key = $"{bound.Key}@{Tf(target)}";
        if (!_aligns.TryGetValue(key, out var node))
        {
            node = new AlignNode(bound.Eval);
            _aligns.Add(key, node);
            target.Add(node);
        }

        var values = node.Values;
        return new Bound(ago => values[ago], bound.IsBool, target, key, Ring: values);
    }

    private Clock ClockOf(TimeframeExpr expr)
    {
        var span = expr.Operand.Start - expr.Start;
        if (!Timeframes.TryParse(expr.Timeframe, out var timeframe))
        {
            throw new ExpressionException($"Unknown timeframe '{expr.Timeframe}'.", expr.Start, expr.Timeframe.Length,
                Suggest.Hint(expr.Timeframe, Timeframes.All.Select(t => t.Name().ToLowerInvariant()))
                ?? "Timeframes: " + string.Join(", ", Timeframes.All.Select(t => t.Name().ToLowerInvariant())) + ".");
        }

        if (_primary.Timeframe is not { } primary)
        {
            throw new ExpressionException($"'{expr.Timeframe}:' needs the strategy's own timeframe.", expr.Start, span,
                "Set \"timeframe\" in the document (e.g. \"H1\") to use other timeframes.");
        }

        if (timeframe.Value == primary)
        {
            return _primary;
        }

        if (timeframe.Value.Seconds() < primary.Seconds())
        {
            throw new ExpressionException($"{timeframe.Value.Name()} is shorter than the strategy's timeframe {primary.Name()}.", expr.Start, span,
                "Only the strategy's timeframe and longer ones can be read.");
        }

        foreach (var clock in _longer)
        {
            if (clock.Timeframe == timeframe.Value)
            {
                return clock;
            }
        }

        var created = new Clock(timeframe.Value, timeframe.Value.Seconds());
        _longer.Add(created);
        return created;
    }

    private static void RequireBool(Bound bound, Expr expr, string op)
    {
        if (!bound.IsBool)
        {
            throw new ExpressionException($"'{op}' needs a condition here, not a number.", expr.Start, expr.End - expr.Start,
                "Compare numbers to get a condition: e.g. rsi(close, 14) < 30.");
        }
    }

    private static void RequireNumber(Bound bound, Expr expr, string op)
    {
        if (bound.IsBool)
        {
            throw new ExpressionException($"'{op}' needs a number here, not a condition.", expr.Start, expr.End - expr.Start,
                "Combine conditions with and, or, not.");
        }
    }

    private static string Symbol(TokenKind op) => op switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.Equal => "==",
        TokenKind.NotEqual => "!=",
        TokenKind.And => "and",
        _ => "or",
    };

    private static string Tf(Clock clock) => clock.Timeframe is { } tf ? tf.Name().ToLowerInvariant() + ":" : string.Empty;
}
