using System.Globalization;
using System.Text;
using MtMcp.Indicators;

namespace MtMcp.Strategies;

internal sealed partial class Compiler
{
    private Bound CompileCall(CallExpr call, Clock clock, int maxAgo, MemberExpr? member)
    {
        var lower = call.Name.ToLowerInvariant();
        switch (lower)
        {
            case "crossover":
            case "crossunder":
                return CompileCross(call, clock, maxAgo, lower == "crossover");
            case "abs":
            {
                var x = Compile(Positional(call, 1, "abs(x)")[0], clock, maxAgo);
                RequireNumber(x, call.Arguments[0].Value, "abs");
                var f = x.Eval;
                return x.IsConstant ? Bound.Constant(Math.Abs(x.Value)) : new Bound(ago => Math.Abs(f(ago)), false, x.Clock, $"abs({x.Key})");
            }

            case "min":
            case "max":
            {
                var args = Positional(call, 2, lower + "(a, b)");
                var a = Compile(args[0], clock, maxAgo);
                var b = Compile(args[1], clock, maxAgo);
                RequireNumber(a, args[0], lower);
                RequireNumber(b, args[1], lower);
                var isMax = lower == "max";
                if (a.IsConstant && b.IsConstant)
                {
                    return Bound.Constant(isMax ? Math.Max(a.Value, b.Value) : Math.Min(a.Value, b.Value));
                }

                (a, b, var common) = Unify(a, b);
                var fa = a.Eval;
                var fb = b.Eval;
                return isMax
                    ? new Bound(ago => Math.Max(fa(ago), fb(ago)), false, common, $"max({a.Key},{b.Key})")
                    : new Bound(ago => Math.Min(fa(ago), fb(ago)), false, common, $"min({a.Key},{b.Key})");
            }

            case "highest":
            case "lowest":
            {
                // TA-Lib's rolling MAX / MIN (amortised O(1) streams) over any series.
                Positional(call, 2, lower + "(x, n)");
                return CompileIndicator(call, lower == "highest" ? "max" : "min", clock, maxAgo, member);
            }

            default:
                if (IndicatorRegistry.TryGet(lower, out _))
                {
                    return CompileIndicator(call, lower, clock, maxAgo, member);
                }

                throw new ExpressionException($"Unknown function or indicator '{call.Name}'.", call.Start, call.Name.Length,
                    Suggest.Hint(call.Name, Functions.Concat(IndicatorRegistry.All.Select(i => i.Name)))
                    ?? "Functions: " + string.Join(", ", Functions) + "; indicators: see `mtmcp indicator --list`.");
        }
    }

    private Bound CompileCross(CallExpr call, Clock clock, int maxAgo, bool over)
    {
        var args = Positional(call, 2, (over ? "crossover" : "crossunder") + "(a, b)");
        var a = Compile(args[0], clock, maxAgo + 1);
        var b = Compile(args[1], clock, maxAgo + 1);
        RequireNumber(a, args[0], call.Name);
        RequireNumber(b, args[1], call.Name);
        (a, b, var common) = Unify(a, b);
        if (!over)
        {
            (a, b) = (b, a);
        }

        // backtesting.py's crossover: strictly below on the previous bar, strictly above now.
        var key = $"cross({a.Key},{b.Key})";
        if (a.Ring is { } ra && b.Ring is { } rb)
        {
            return new Bound(ago => ra[ago + 1] < rb[ago + 1] && ra[ago] > rb[ago] ? 1 : 0, true, common, key);
        }

        var fa = a.Eval;
        var fb = b.Eval;
        return new Bound(ago => fa(ago + 1) < fb(ago + 1) && fa(ago) > fb(ago) ? 1 : 0, true, common, key);
    }

    private static List<Expr> Positional(CallExpr call, int count, string signature)
    {
        if (call.Arguments.Count != count || call.Arguments.Any(a => a.Name is not null))
        {
            throw new ExpressionException(
                string.Create(CultureInfo.InvariantCulture, $"{call.Name} takes {count} positional argument{(count == 1 ? string.Empty : "s")}, not {call.Arguments.Count}."),
                call.Start, call.End - call.Start, $"Write {signature}.");
        }

        return [.. call.Arguments.Select(a => a.Value)];
    }

    private Bound CompileIndicator(CallExpr call, string registryName, Clock clock, int maxAgo, MemberExpr? member)
    {
        var indicator = IndicatorRegistry.Get(registryName);
        var info = indicator.Info;
        var inputCount = info.Inputs.Count(s => s is InputSeries.Real0 or InputSeries.Real1);
        var inputs = new List<Bound>();
        var values = info.Parameters.Select(p => p.Default).ToArray();
        var given = new bool[values.Length];
        var next = 0;
        var named = false;
        foreach (var argument in call.Arguments)
        {
            var span = argument.Value.End - argument.NameStart;
            if (argument.Name is not null)
            {
                named = true;
                var index = info.IndexOfParameter(argument.Name);
                if (index < 0)
                {
                    throw new ExpressionException($"{call.Name} has no parameter '{argument.Name}'.", argument.NameStart, argument.Name.Length,
                        Suggest.Hint(argument.Name, info.Parameters.SelectMany(p => p.Aliases.Prepend(p.Name))) is { } mean
                            ? $"{mean} Allowed: {Describe(info)}."
                            : $"Allowed: {Describe(info)}.");
                }

                SetParameter(call, info, index, argument, clock, values, given);
                continue;
            }

            if (named)
            {
                throw new ExpressionException("Positional arguments must come before named ones.", argument.NameStart, span);
            }

            // Leading series are the inputs; the rest are parameters in the indicator's order.
            if (next == 0 && inputs.Count < inputCount && !IsMaTypeName(argument.Value))
            {
                var bound = Compile(argument.Value, clock, 0);
                if (!bound.IsConstant)
                {
                    RequireNumber(bound, argument.Value, call.Name);
                    inputs.Add(bound);
                    continue;
                }
            }
            else if (next == 0 && inputCount == 0 && !IsMaTypeName(argument.Value) && !Compile(argument.Value, clock, 0).IsConstant)
            {
                throw new ExpressionException(
                    $"{call.Name} reads {string.Join(", ", info.Inputs.Where(s => s != InputSeries.Time).Select(s => s.ToString().ToLowerInvariant()))} of the bars itself; give only its parameters.",
                    argument.Value.Start, argument.Value.End - argument.Value.Start, $"e.g. {call.Name}({Describe(info)}); use h4:{call.Name}(...) for another timeframe.");
            }

            if (next >= values.Length)
            {
                throw new ExpressionException(
                    string.Create(CultureInfo.InvariantCulture, $"{call.Name} takes {inputCount} input series and {values.Length} parameter{(values.Length == 1 ? string.Empty : "s")}; this argument is one too many."),
                    argument.Value.Start, argument.Value.End - argument.Value.Start, values.Length == 0 ? null : $"Parameters: {Describe(info)}.");
            }

            SetParameter(call, info, next++, argument, clock, values, given);
        }

        if (inputCount == 2 && inputs.Count < 2)
        {
            throw new ExpressionException($"{call.Name} needs two input series, e.g. {call.Name}(close, open).", call.Start, call.End - call.Start);
        }

        if (inputCount > 0 && inputs.Count == 0)
        {
            inputs.Add(CompileName(new NameExpr("close", call.Start, call.Start), clock, 0));
        }

        // The indicator runs on its inputs' timeframe (two inputs are aligned to the shorter one), else on the context's.
        var home = clock;
        if (inputs.Count == 2)
        {
            var (first, second, common) = Unify(inputs[0], inputs[1]);
            (inputs[0], inputs[1], home) = (first, second, common ?? clock);
        }
        else if (inputs.Count == 1)
        {
            home = inputs[0].Clock ?? clock;
        }

        var output = 0;
        if (member is not null)
        {
            output = -1;
            for (var k = 0; k < info.Outputs.Count; k++)
            {
                if (info.Outputs[k].Name.Equals(member.Member, StringComparison.OrdinalIgnoreCase))
                {
                    output = k;
                }
            }

            if (output < 0)
            {
                var names = info.Outputs.Select(o => o.Name).ToList();
                throw new ExpressionException($"{call.Name} has no output '{member.Member}'.", member.MemberStart, member.Member.Length,
                    (Suggest.Hint(member.Member, names) is { } mean ? mean + " " : string.Empty) + "Outputs: " + string.Join(", ", names) + ".");
            }
        }

        var key = Key(registryName, home, inputs, values);
        if (!_indicators.TryGetValue(key, out var node))
        {
            var parameters = IndicatorParameters.FromValues(info, values);
            // The close of the indicator's own bars is what the node feeds by default: no input delegate needed.
            var real0 = inputs.Count > 0 && inputs[0].Key != Tf(home) + "close" ? inputs[0].Eval : null;
            node = new IndicatorNode(indicator.CreateStream(parameters), home, real0, inputs.Count > 1 ? inputs[1].Eval : null);
            _indicators.Add(key, node);
            home.Add(node);
        }

        var ring = node.Output(output);
        ring.Require(maxAgo + 1);
        return new Bound(ago => ring[ago], false, home, string.Create(CultureInfo.InvariantCulture, $"{key}.{output}"), Ring: ring);
    }

    private void SetParameter(CallExpr call, IndicatorInfo info, int index, Argument argument, Clock clock, double[] values, bool[] given)
    {
        var parameter = info.Parameters[index];
        var expr = argument.Value;
        var span = expr.End - expr.Start;
        if (given[index])
        {
            throw new ExpressionException($"{call.Name}: {parameter.Name} is given twice.", argument.NameStart, expr.End - argument.NameStart);
        }

        given[index] = true;
        if (parameter.Kind == ParameterKind.MaType && expr is NameExpr maName && Enum.TryParse<MaType>(maName.Name, ignoreCase: true, out var ma)
            && !char.IsDigit(maName.Name[0]) && _document.Parameter(maName.Name) is null)
        {
            values[index] = (int)ma;
            return;
        }

        var bound = Compile(expr, clock, 0);
        if (!bound.IsConstant || bound.IsBool)
        {
            throw new ExpressionException($"{call.Name}: {parameter.Name} must be a number or a strategy parameter, not a series.", expr.Start, span,
                $"Allowed: {Range(parameter)}.");
        }

        if (!Allowed(parameter, bound.Value))
        {
            throw new ExpressionException(
                string.Create(CultureInfo.InvariantCulture, $"{call.Name}: {parameter.Name} = {bound.Value} is not allowed."), expr.Start, span,
                $"Allowed: {Range(parameter)}.");
        }

        // A bare strategy parameter must stay in range over all the values an optimiser may give it.
        if (expr is NameExpr name && _document.Parameter(name.Name) is { } declared && !(Allowed(parameter, declared.Min) && Allowed(parameter, declared.Max)))
        {
            throw new ExpressionException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Parameter '{declared.Name}' ranges from {declared.Min} to {declared.Max}, but {call.Name}: {parameter.Name} allows {Range(parameter)}."),
                expr.Start, span, $"Narrow parameters.{declared.Name}.min/max.");
        }

        values[index] = bound.Value;
    }

    private bool IsMaTypeName(Expr expr) =>
        expr is NameExpr name && Enum.TryParse<MaType>(name.Name, ignoreCase: true, out _) && !char.IsDigit(name.Name[0]) && _document.Parameter(name.Name) is null;

    private static bool Allowed(ParameterInfo parameter, double value) =>
        double.IsFinite(value) && value >= parameter.Min && value <= parameter.Max && (parameter.Kind == ParameterKind.Real || value == Math.Floor(value));

    private static string Range(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.MaType => "an MA type: " + string.Join(", ", Enum.GetValues<MaType>().Select(m => $"{m.ToString().ToLowerInvariant()} ({(int)m})")),
        ParameterKind.Integer => string.Create(CultureInfo.InvariantCulture, $"a whole number from {parameter.Min} to {parameter.Max}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a number from {parameter.Min} to {parameter.Max}"),
    };

    private static string Describe(IndicatorInfo info) => info.Parameters.Count == 0
        ? "no parameters"
        : string.Join(", ", info.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Name}{(p.Aliases.Count > 0 ? " (" + string.Join(", ", p.Aliases) + ")" : string.Empty)} = {p.Default}")));

    private static string Key(string name, Clock clock, List<Bound> inputs, double[] values)
    {
        var key = new StringBuilder(name).Append('(');
        foreach (var input in inputs)
        {
            key.Append(input.Key).Append(';');
        }

        foreach (var value in values)
        {
            key.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
        }

        return key.Append(")@").Append(Tf(clock)).ToString();
    }
}
