namespace MtMcp.Strategies;

/// <summary>
/// A compiled expression: a delegate from look-back (0 = current bar of <see cref="Clock"/>) to value, whether it is a
/// condition (1 = true, 0 = false), and its timeframe (null for constants). <see cref="Key"/> is a canonical text used
/// to share identical indicators. <see cref="Ring"/> is set when the value is read straight from a ring, so hot
/// operators (crossover) can skip the delegate calls.
/// </summary>
internal readonly record struct Bound(
    Func<int, double> Eval, bool IsBool, Clock? Clock, string Key, bool IsConstant = false, double Value = double.NaN, ValueRing? Ring = null)
{
    public static Bound Constant(double value, bool isBool = false) =>
        new(_ => value, isBool, null, value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), true, value);
}
