namespace MtMcp.Strategies;

internal sealed partial class Compiler
{
    /// <summary>
    /// Compiles a stand-alone condition and the numeric series it reads on the bars of <paramref name="document"/>'s
    /// timeframe; identical indicator calls in the condition and the series share one stream.
    /// </summary>
    /// <exception cref="ExpressionException">The condition does not check, or is a number rather than a condition.</exception>
    public static (StrategyFeed Feed, Func<int, double> Condition, Func<int, double>[] Series) CompileCondition(
        StrategyDocument document, Expr condition, IReadOnlyList<Expr> series)
    {
        var compiler = new Compiler(document, document.Defaults());
        var bound = compiler.Compile(condition, compiler._primary, 0);
        if (!bound.IsBool)
        {
            throw new ExpressionException("The condition is a number, not a condition.", condition.Start, condition.End - condition.Start,
                "Compare it: e.g. close > sma(close, 20), or rsi(close, 14) < 30.");
        }

        var values = new Func<int, double>[series.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = compiler.OnPrimary(compiler.Compile(series[i], compiler._primary, 0)).Eval;
        }

        var eval = compiler.OnPrimary(bound).Eval;
        return (compiler.Seal(), eval, values);
    }
}
