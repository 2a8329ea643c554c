namespace MtMcp.Indicators;

/// <summary>One output of an indicator: TA-Lib's output name in snake_case without the <c>out</c> prefix.</summary>
/// <param name="Name">e.g. <c>real</c>, <c>macd_signal</c>, <c>real_upper_band</c>, <c>integer</c>.</param>
/// <param name="Description">What the values mean.</param>
/// <param name="IsInteger">Whether the values are whole numbers (pattern signals, indexes).</param>
public sealed record OutputInfo(string Name, string Description, bool IsInteger = false);
