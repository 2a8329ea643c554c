namespace MtMcp.Domain;

/// <summary>
/// The built-in symbol specifications, modelled on a typical MT5 retail broker with market execution
/// (UTC sessions, standard contract sizes, swaps in points, stops level 0).
/// </summary>
internal static class BuiltInSymbols
{
    // Forex and metals trade from Sunday 22:00 to Friday 22:00 UTC.
    private static readonly TradingSession[] s_forexWeek = WeekSessions(sundayFrom: 22 * 60, fridayTo: 22 * 60, dailyBreak: null);

    // Energies and index CFDs on US/Asian futures: Sunday 23:00 to Friday 21:00 with a daily 21:00-22:00 break.
    private static readonly TradingSession[] s_futuresWeek = WeekSessions(sundayFrom: 23 * 60, fridayTo: 21 * 60, dailyBreak: (21 * 60, 22 * 60));

    // European cash-index CFDs: Monday to Friday, 07:00 to 21:00 UTC.
    private static readonly TradingSession[] s_europeanIndexWeek = WorkdaySessions(7 * 60, 21 * 60);

    public static IEnumerable<SymbolSpec> Create()
    {
        // Majors.
        yield return Fx("EURUSD", "Euro vs US Dollar", digits: 5, spread: 10, swapLong: -6.5, swapShort: 1.2);
        yield return Fx("GBPUSD", "Great Britain Pound vs US Dollar", 5, 12, -3.1, -1.4);
        yield return Fx("USDJPY", "US Dollar vs Japanese Yen", 3, 11, 12.4, -25.8);
        yield return Fx("USDCHF", "US Dollar vs Swiss Franc", 5, 14, 5.6, -13.2);
        yield return Fx("AUDUSD", "Australian Dollar vs US Dollar", 5, 12, -2.7, -1.9);
        yield return Fx("USDCAD", "US Dollar vs Canadian Dollar", 5, 15, 0.9, -7.6);
        yield return Fx("NZDUSD", "New Zealand Dollar vs US Dollar", 5, 16, -1.8, -2.2);

        // Crosses.
        yield return Fx("EURGBP", "Euro vs Great Britain Pound", 5, 14, -5.9, 0.4);
        yield return Fx("EURJPY", "Euro vs Japanese Yen", 3, 18, 6.1, -18.7);
        yield return Fx("GBPJPY", "Great Britain Pound vs Japanese Yen", 3, 25, 9.8, -24.3);
        yield return Fx("EURCHF", "Euro vs Swiss Franc", 5, 18, 0.7, -9.9);
        yield return Fx("EURAUD", "Euro vs Australian Dollar", 5, 24, -11.2, 3.1);
        yield return Fx("EURCAD", "Euro vs Canadian Dollar", 5, 24, -9.4, 1.7);
        yield return Fx("EURNZD", "Euro vs New Zealand Dollar", 5, 32, -12.6, 2.9);
        yield return Fx("GBPCHF", "Great Britain Pound vs Swiss Franc", 5, 26, 2.2, -12.8);
        yield return Fx("GBPAUD", "Great Britain Pound vs Australian Dollar", 5, 30, -8.8, 0.5);
        yield return Fx("AUDJPY", "Australian Dollar vs Japanese Yen", 3, 18, 3.4, -12.1);
        yield return Fx("CADJPY", "Canadian Dollar vs Japanese Yen", 3, 20, 4.9, -14.2);
        yield return Fx("CHFJPY", "Swiss Franc vs Japanese Yen", 3, 24, 1.5, -11.3);
        yield return Fx("NZDJPY", "New Zealand Dollar vs Japanese Yen", 3, 22, 2.6, -10.4);
        yield return Fx("AUDNZD", "Australian Dollar vs New Zealand Dollar", 5, 22, -3.9, -1.6);
        yield return Fx("AUDCAD", "Australian Dollar vs Canadian Dollar", 5, 20, -2.4, -3.1);

        // Metals: CFDs on spot gold and silver, priced in USD.
        yield return Cfd("XAUUSD", "Gold vs US Dollar", @"Metals\Spot", "XAU", "USD", EsmaAssetClass.Gold,
            digits: 2, contract: 100, spread: 25, volumeMax: 50m, swapLong: -45.2, swapShort: 22.1, s_forexWeek);
        yield return Cfd("XAGUSD", "Silver vs US Dollar", @"Metals\Spot", "XAG", "USD", EsmaAssetClass.Commodity,
            3, 5000, 25, 50m, -4.1, 0.9, s_forexWeek);

        // Index CFDs: one lot is one index point times the price, in the index currency.
        yield return Cfd("US500", "US 500 Cash Index", @"Indices\US", "USD", "USD", EsmaAssetClass.MajorIndex, 2, 1, 50, 500m, -0.6, -0.2, s_futuresWeek);
        yield return Cfd("US30", "US Wall Street 30 Cash Index", @"Indices\US", "USD", "USD", EsmaAssetClass.MajorIndex, 2, 1, 200, 500m, -4.8, -1.3, s_futuresWeek);
        yield return Cfd("NAS100", "US Tech 100 Cash Index", @"Indices\US", "USD", "USD", EsmaAssetClass.MajorIndex, 2, 1, 120, 500m, -2.3, -0.7, s_futuresWeek);
        yield return Cfd("GER40", "Germany 40 Cash Index", @"Indices\Europe", "EUR", "EUR", EsmaAssetClass.MajorIndex, 2, 1, 120, 500m, -2.4, -0.9, s_europeanIndexWeek);
        yield return Cfd("UK100", "UK 100 Cash Index", @"Indices\Europe", "GBP", "GBP", EsmaAssetClass.MajorIndex, 2, 1, 100, 500m, -1.1, -0.5, s_europeanIndexWeek);
        yield return Cfd("JP225", "Japan 225 Cash Index", @"Indices\Asia", "JPY", "JPY", EsmaAssetClass.MajorIndex, 0, 1, 8, 500m, -6.5, -3.3, s_futuresWeek);

        // Energies: spot CFDs on the front futures.
        yield return Cfd("XTIUSD", "WTI Crude Oil", @"Energies", "USD", "USD", EsmaAssetClass.Commodity, 3, 1000, 30, 100m, -8.2, 1.1, s_futuresWeek);
        yield return Cfd("XBRUSD", "Brent Crude Oil", @"Energies", "USD", "USD", EsmaAssetClass.Commodity, 3, 1000, 30, 100m, -7.4, 0.6, s_futuresWeek);
        yield return Cfd("XNGUSD", "Natural Gas", @"Energies", "USD", "USD", EsmaAssetClass.Commodity, 4, 10000, 40, 100m, -2.8, -0.4, s_futuresWeek);

        // Crypto CFDs: quoted around the clock; swaps as annual interest on the current price.
        yield return Crypto("BTCUSD", "Bitcoin vs US Dollar", "BTC", digits: 2, spread: 2500);
        yield return Crypto("ETHUSD", "Ethereum vs US Dollar", "ETH", 2, 150);
        yield return Crypto("LTCUSD", "Litecoin vs US Dollar", "LTC", 2, 20);
    }

    private static SymbolSpec Fx(string name, string description, int digits, int spread, double swapLong, double swapShort)
    {
        var baseCurrency = name[..3];
        var quoteCurrency = name[3..];
        var major = name is "EURUSD" or "GBPUSD" or "USDJPY" or "USDCHF" or "AUDUSD" or "USDCAD" or "NZDUSD";
        return new SymbolSpec
        {
            Name = name,
            Description = description,
            Path = major ? @"Forex\Majors" : @"Forex\Crosses",
            CurrencyBase = baseCurrency,
            CurrencyProfit = quoteCurrency,
            CurrencyMargin = baseCurrency,
            AssetClass = EsmaLeverage.ClassifyCurrencyPair(baseCurrency, quoteCurrency),
            Digits = digits,
            Spread = spread,
            ContractSize = 100_000,
            CalcMode = SymbolCalcMode.Forex,
            VolumeMin = 0.01m,
            VolumeMax = 100m,
            VolumeStep = 0.01m,
            SwapMode = SymbolSwapMode.Points,
            SwapLong = swapLong,
            SwapShort = swapShort,
            SwapRollover3Days = DayOfWeek.Wednesday,
            QuoteSessions = s_forexWeek,
            TradeSessions = s_forexWeek,
        };
    }

    private static SymbolSpec Cfd(
        string name, string description, string path, string baseCurrency, string profitCurrency, EsmaAssetClass assetClass,
        int digits, double contract, int spread, decimal volumeMax, double swapLong, double swapShort, TradingSession[] sessions) => new()
        {
            Name = name,
            Description = description,
            Path = path,
            CurrencyBase = baseCurrency,
            CurrencyProfit = profitCurrency,
            CurrencyMargin = profitCurrency,
            AssetClass = assetClass,
            Digits = digits,
            Spread = spread,
            ContractSize = contract,
            CalcMode = SymbolCalcMode.CfdLeverage,
            VolumeMin = 0.01m,
            VolumeMax = volumeMax,
            VolumeStep = 0.01m,
            SwapMode = SymbolSwapMode.Points,
            SwapLong = swapLong,
            SwapShort = swapShort,
            // CFDs on futures and metals roll the weekend on Friday night.
            SwapRollover3Days = DayOfWeek.Friday,
            QuoteSessions = sessions,
            TradeSessions = sessions,
        };

    private static SymbolSpec Crypto(string name, string description, string baseCurrency, int digits, int spread) => new()
    {
        Name = name,
        Description = description,
        Path = @"Crypto",
        CurrencyBase = baseCurrency,
        CurrencyProfit = "USD",
        CurrencyMargin = "USD",
        AssetClass = EsmaAssetClass.Crypto,
        Digits = digits,
        Spread = spread,
        ContractSize = 1,
        CalcMode = SymbolCalcMode.CfdLeverage,
        VolumeMin = 0.01m,
        VolumeMax = 20m,
        VolumeStep = 0.01m,
        SwapMode = SymbolSwapMode.InterestCurrent,
        SwapLong = -20,
        SwapShort = -12,
        SwapRollover3Days = DayOfWeek.Friday,
    };

    private static TradingSession[] WeekSessions(int sundayFrom, int fridayTo, (int From, int To)? dailyBreak)
    {
        var sessions = new List<TradingSession> { new(DayOfWeek.Sunday, sundayFrom, 1440) };
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            var end = day == DayOfWeek.Friday ? fridayTo : 1440;
            if (dailyBreak is { } pause && day != DayOfWeek.Friday)
            {
                sessions.Add(new(day, 0, pause.From));
                sessions.Add(new(day, pause.To, end));
            }
            else
            {
                sessions.Add(new(day, 0, end));
            }
        }

        return [.. sessions];
    }

    private static TradingSession[] WorkdaySessions(int from, int to)
    {
        var sessions = new TradingSession[5];
        for (var i = 0; i < 5; i++)
        {
            sessions[i] = new((DayOfWeek)(i + 1), from, to);
        }

        return sessions;
    }
}
