namespace MtMcp.Reports;

/// <summary>The return of one calendar month, or of one calendar year when <paramref name="Month"/> is null (UTC).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">1 to 12; null for the whole year.</param>
/// <param name="ReturnPct">Return in percent: the period's last value over the previous period's last value (the first value for the first period), less 1.</param>
public readonly record struct PeriodReturn(int Year, int? Month, double ReturnPct);
