namespace MtMcp.Strategies;

/// <summary>The expression fields of a strategy document and what each must produce.</summary>
internal static class RuleFields
{
    public const string LongEntry = "long_entry";
    public const string LongExit = "long_exit";
    public const string ShortEntry = "short_entry";
    public const string ShortExit = "short_exit";
    public const string StopLoss = "stop_loss";
    public const string TakeProfit = "take_profit";
    public const string TrailingStop = "trailing_stop";
    public const string Filter = "filter";
    public const string Size = "size.value";

    /// <summary>Whether the field is a condition (else a number).</summary>
    public static bool IsCondition(string field) => field is LongEntry or LongExit or ShortEntry or ShortExit or Filter;

    /// <summary>What a number field means.</summary>
    public static string Unit(string field) => field == Size ? "size" : "price distance";
}
