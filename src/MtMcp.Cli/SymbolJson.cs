using MtMcp.Domain;

namespace MtMcp.Cli;

/// <summary>The JSON shape of a symbol specification (snake_case, enums by name).</summary>
internal sealed record SymbolJson(
    string Name,
    string Description,
    string Path,
    string CurrencyBase,
    string CurrencyProfit,
    string CurrencyMargin,
    string AssetClass,
    int EsmaMaxLeverage,
    int Digits,
    double Point,
    double TickSize,
    double TickPrice,
    int Spread,
    bool SpreadFloat,
    double ContractSize,
    string CalcMode,
    decimal VolumeMin,
    decimal VolumeMax,
    decimal VolumeStep,
    decimal VolumeLimit,
    string TradeMode,
    string ExecutionMode,
    string FillingMode,
    string ExpirationMode,
    string OrderMode,
    string GtcMode,
    int StopsLevel,
    int FreezeLevel,
    double MarginInitial,
    double MarginMaintenance,
    double MarginHedged,
    bool MarginHedgedUseLeg,
    MarginRates MarginRates,
    string SwapMode,
    double SwapLong,
    double SwapShort,
    string SwapRollover3Days,
    IReadOnlyList<SessionJson> QuoteSessions,
    IReadOnlyList<SessionJson> TradeSessions)
{
    public static SymbolJson From(SymbolSpec s) => new(
        s.Name, s.Description, s.Path, s.CurrencyBase, s.CurrencyProfit, s.CurrencyMargin,
        s.AssetClass.ToString(), s.AssetClass.MaxRetailLeverage(), s.Digits, s.Point, s.TickSize, s.TickPrice, s.Spread, s.SpreadFloat,
        s.ContractSize, s.CalcMode.ToString(), s.VolumeMin, s.VolumeMax, s.VolumeStep, s.VolumeLimit,
        s.TradeMode.ToString(), s.ExecutionMode.ToString(), s.FillingFlags.ToString(), s.ExpirationFlags.ToString(),
        s.OrderFlags.ToString(), s.GtcMode.ToString(), s.StopsLevel, s.FreezeLevel,
        s.MarginInitial, s.MarginMaintenance, s.MarginHedged, s.MarginHedgedUseLeg, s.MarginRates,
        s.SwapMode.ToString(), s.SwapLong, s.SwapShort, s.SwapRollover3Days.ToString(),
        [.. s.QuoteSessions.Select(SessionJson.Of)], [.. s.TradeSessions.Select(SessionJson.Of)]);
}

/// <summary>A session as JSON: weekday and <c>HH:mm</c> bounds, UTC.</summary>
internal sealed record SessionJson(string Day, string From, string To)
{
    public static SessionJson Of(TradingSession s) => new(s.Day.ToString(), Clock(s.FromMinute), Clock(s.ToMinute));

    private static string Clock(int minute) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
