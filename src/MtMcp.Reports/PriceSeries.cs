namespace MtMcp.Reports;

/// <summary>The closing prices the trades are drawn on.</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="TimesMs">Bar times, Unix ms UTC.</param>
/// <param name="Close">Close of each bar.</param>
public sealed record PriceSeries(string Symbol, IReadOnlyList<long> TimesMs, IReadOnlyList<double> Close);
