using System.Globalization;
using MtMcp.Indicators;

namespace MtMcp.Strategies;

/// <summary>
/// A strategy-language condition (docs/strategy-language.md, "Expressions") evaluated on one symbol's closed bars, one
/// bar at a time, as <c>scan_market</c> and the condition alerts use it: after each <see cref="Add"/>, <see cref="IsTrue"/>
/// is the condition on that bar and <see cref="Value"/> the value of each series it reads.
/// </summary>
/// <remarks>
/// The condition compiles exactly as a strategy rule does (same indicators, look-backs, multi-timeframe prefixes and
/// crossovers), with no parameters. <see cref="Add"/> allocates nothing. Not thread-safe: one instance per symbol.
/// </remarks>
public sealed class MarketCondition
{
    /// <summary>Longest condition accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The diagnostic field name of condition errors.</summary>
    public const string Field = "condition";

    // The condition compiles inside a parameterless document, which carries the timeframe for h4:-style prefixes.
    private static readonly Dictionary<Timeframe, StrategyDocument> s_documents = [];
    private static readonly Lock s_lock = new();

    private readonly StrategyFeed _feed;
    private readonly Func<int, double> _condition;
    private readonly Func<int, double>[] _series;

    private MarketCondition(string text, Timeframe timeframe, IReadOnlyList<string> series, StrategyFeed feed, Func<int, double> condition, Func<int, double>[] values)
    {
        Text = text;
        Timeframe = timeframe;
        Series = series;
        _feed = feed;
        _condition = condition;
        _series = values;
    }

    /// <summary>The condition's text.</summary>
    public string Text { get; }

    /// <summary>The timeframe of the bars it is evaluated on.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>
    /// The series the condition reads, as written in it (e.g. <c>close</c>, <c>sma(close, 20)</c>, <c>close[1]</c>): the
    /// operands of its comparisons and crossovers, without constants, in order of appearance, each once.
    /// </summary>
    public IReadOnlyList<string> Series { get; }

    /// <summary>Bars added so far.</summary>
    public int Count => _feed.Count;

    /// <summary>Whether every indicator the condition uses is past its warm-up.</summary>
    public bool IsReady => _feed.IsReady;

    /// <summary>The condition on the latest bar added; false before the first bar and while a value it compares is undefined.</summary>
    public bool IsTrue => _feed.Count > 0 && _condition(0) != 0;

    /// <summary>Parses and checks <paramref name="condition"/> for bars of <paramref name="timeframe"/>.</summary>
    /// <exception cref="StrategyException">
    /// The condition is empty, too long, does not parse or check, or is a number: one diagnostic with field
    /// <see cref="Field"/>, the line and column in the condition text, and a hint.
    /// </exception>
    public static MarketCondition Compile(string condition, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (string.IsNullOrWhiteSpace(condition) || condition.Length > MaxLength)
        {
            throw new StrategyException([new StrategyDiagnostic(Field, 1, 1,
                string.Create(CultureInfo.InvariantCulture, $"A condition is 1 to {MaxLength} characters of strategy language; this one has {condition.Length}."),
                "e.g. rsi(close, 14) < 30 and close > sma(close, 200)")]);
        }

        try
        {
            var expr = Parser.Parse(condition);
            var operands = new List<Expr>();
            Collect(expr, operands);
            var texts = new List<string>(operands.Count);
            var unique = new List<Expr>(operands.Count);
            foreach (var operand in operands)
            {
                var text = condition[operand.Start..operand.End].Trim();
                if (!texts.Contains(text, StringComparer.Ordinal))
                {
                    texts.Add(text);
                    unique.Add(operand);
                }
            }

            var (feed, eval, values) = Compiler.CompileCondition(DocumentFor(timeframe), expr, unique);
            return new MarketCondition(condition, timeframe, texts, feed, eval, values);
        }
        catch (ExpressionException exception)
        {
            var (line, column) = Position(condition, exception.Start);
            throw new StrategyException([new StrategyDiagnostic(Field, line, column, exception.Message, exception.Hint)]);
        }
    }

    /// <summary>Evaluates the condition on the next closed bar (oldest first; times increasing).</summary>
    public void Add(in Bar bar) =>
        _feed.Add(new StreamBar(bar.Open, bar.High, bar.Low, bar.Close, bar.TickVolume, bar.Close, double.NaN) { Time = bar.Time });

    /// <summary>The value of series <paramref name="index"/> of <see cref="Series"/> on the latest bar; NaN while undefined.</summary>
    public double Value(int index) => _feed.Count > 0 ? _series[index](0) : double.NaN;

    // The operands worth showing: leaves and calls that are not constants, looking through operators and crossovers.
    private static void Collect(Expr expr, List<Expr> operands)
    {
        switch (expr)
        {
            case NumberExpr:
                break;
            case BinaryExpr binary:
                Collect(binary.Left, operands);
                Collect(binary.Right, operands);
                break;
            case UnaryExpr unary:
                Collect(unary.Operand, operands);
                break;
            case CallExpr call when call.Name.Equals("crossover", StringComparison.OrdinalIgnoreCase) || call.Name.Equals("crossunder", StringComparison.OrdinalIgnoreCase):
                foreach (var argument in call.Arguments)
                {
                    Collect(argument.Value, operands);
                }

                break;
            case NameExpr name when !Compiler.Series.Contains(name.Name.ToLowerInvariant(), StringComparer.Ordinal):
                break;
            default:
                operands.Add(expr);
                break;
        }
    }

    private static StrategyDocument DocumentFor(Timeframe timeframe)
    {
        lock (s_lock)
        {
            if (!s_documents.TryGetValue(timeframe, out var document))
            {
                document = StrategyDocument.Parse($$"""{ "name": "condition", "timeframe": "{{timeframe.Name()}}", "long_entry": "true" }""");
                s_documents.Add(timeframe, document);
            }

            return document;
        }
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) is var newline and >= 0 && newline < offset ? newline + 1 : 0;
        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }

        return (line, offset - lineStart + 1);
    }
}
