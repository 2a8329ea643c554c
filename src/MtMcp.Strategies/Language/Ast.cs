namespace MtMcp.Strategies;

/// <summary>A node of an expression's syntax tree, with its character range in the expression.</summary>
internal abstract record Expr(int Start, int End);

/// <summary>A number literal.</summary>
internal sealed record NumberExpr(double Value, int Start, int End) : Expr(Start, End);

/// <summary>A bare name: a series (<c>close</c>), a parameter, <c>true</c>/<c>false</c>, or an MA type in an argument.</summary>
internal sealed record NameExpr(string Name, int Start, int End) : Expr(Start, End);

/// <summary>One argument of a call, positional (<see cref="Name"/> null) or named.</summary>
internal sealed record Argument(string? Name, int NameStart, Expr Value);

/// <summary>A function or indicator call.</summary>
internal sealed record CallExpr(string Name, IReadOnlyList<Argument> Arguments, int Start, int End) : Expr(Start, End);

/// <summary>An output selector: <c>macd(close).macd_signal</c>.</summary>
internal sealed record MemberExpr(Expr Target, string Member, int MemberStart, int Start, int End) : Expr(Start, End);

/// <summary>A look-back: <c>close[1]</c> is the previous bar's close.</summary>
internal sealed record IndexExpr(Expr Target, Expr Ago, int Start, int End) : Expr(Start, End);

/// <summary>A timeframe prefix: <c>h4:close</c> evaluates its operand on H4 bars.</summary>
internal sealed record TimeframeExpr(string Timeframe, Expr Operand, int Start, int End) : Expr(Start, End);

/// <summary>A prefix operator (<c>-</c>, <c>not</c>).</summary>
internal sealed record UnaryExpr(TokenKind Operator, Expr Operand, int Start, int End) : Expr(Start, End);

/// <summary>A binary operator.</summary>
internal sealed record BinaryExpr(TokenKind Operator, Expr Left, Expr Right, int OperatorStart, int Start, int End) : Expr(Start, End);
