using System.Text.Json.Nodes;
using MtMcp.Domain;

namespace MtMcp.Testing.Bridge;

/// <summary>
/// The simulated EA's <c>symbol.spec</c> answer, written from the terminal's <see cref="SymbolSpec"/> as the MQL5 EA
/// writes it from <c>SymbolInfo*</c>: enums by MQL name, flags as integers, sessions as seconds after the broker's
/// midnight (the catalogue keeps them in UTC, the terminal on its own clock).
/// </summary>
public static class SimulatedSymbolSpec
{
    /// <summary>The <c>symbol.spec</c> data of <paramref name="spec"/> on a terminal whose clock is <paramref name="offsetSeconds"/> ahead of UTC.</summary>
    /// <param name="spec">The symbol.</param>
    /// <param name="offsetSeconds">Broker server time minus UTC.</param>
    /// <param name="tickValue">SYMBOL_TRADE_TICK_VALUE in the deposit currency.</param>
    public static JsonObject Write(SymbolSpec spec, int offsetSeconds, double tickValue)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new JsonObject
        {
            ["symbol"] = spec.Name,
            ["description"] = spec.Description,
            ["path"] = spec.Path,
            ["currency_base"] = spec.CurrencyBase,
            ["currency_profit"] = spec.CurrencyProfit,
            ["currency_margin"] = spec.CurrencyMargin,
            ["custom"] = false,
            ["visible"] = true,
            ["digits"] = spec.Digits,
            ["point"] = spec.Point,
            ["trade_tick_size"] = spec.TickSize,
            ["trade_tick_value"] = tickValue,
            ["trade_tick_value_profit"] = tickValue,
            ["trade_tick_value_loss"] = tickValue,
            ["spread"] = spec.Spread,
            ["spread_float"] = spec.SpreadFloat,
            ["trade_contract_size"] = spec.ContractSize,
            ["trade_calc_mode"] = MqlText.Name("SYMBOL_CALC_MODE_", spec.CalcMode),
            ["trade_mode"] = MqlText.Name("SYMBOL_TRADE_MODE_", spec.TradeMode),
            ["trade_exemode"] = MqlText.Name("SYMBOL_TRADE_EXECUTION_", spec.ExecutionMode),
            ["filling_mode"] = (int)spec.FillingFlags,
            ["expiration_mode"] = (int)spec.ExpirationFlags,
            ["order_mode"] = (int)spec.OrderFlags,
            ["order_gtc_mode"] = MqlText.Name("SYMBOL_ORDERS_", spec.GtcMode),
            ["trade_stops_level"] = spec.StopsLevel,
            ["trade_freeze_level"] = spec.FreezeLevel,
            ["volume_digits"] = VolumeDigits(spec.VolumeStep),
            ["volume_min"] = spec.VolumeMin,
            ["volume_max"] = spec.VolumeMax,
            ["volume_step"] = spec.VolumeStep,
            ["volume_limit"] = spec.VolumeLimit,
            ["margin_initial"] = spec.MarginInitial,
            ["margin_maintenance"] = spec.MarginMaintenance,
            ["margin_hedged"] = spec.MarginHedged,
            ["margin_hedged_use_leg"] = spec.MarginHedgedUseLeg,
            ["swap_mode"] = MqlText.Name("SYMBOL_SWAP_MODE_", spec.SwapMode),
            ["swap_long"] = spec.SwapLong,
            ["swap_short"] = spec.SwapShort,
            ["swap_rollover3days"] = spec.SwapRollover3Days.ToString().ToUpperInvariant(),
            ["ticks_bookdepth"] = 0,
            ["sessions_quote"] = Sessions(spec.QuoteSessions, offsetSeconds),
            ["sessions_trade"] = Sessions(spec.TradeSessions, offsetSeconds),
        };
    }

    private static int VolumeDigits(decimal step)
    {
        var digits = 0;
        while (step != decimal.Truncate(step))
        {
            step *= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>
    /// Each UTC session moved onto a broker clock <paramref name="offsetSeconds"/> ahead, split at the broker's
    /// midnights: seven lists (Sunday first) of [from, to) seconds after midnight. Written by hand, not through the
    /// domain's shift, so the server's conversion back is checked against an independent one.
    /// </summary>
    public static List<(int From, int To)>[] OnBrokerClock(IReadOnlyList<TradingSession> utcSessions, int offsetSeconds)
    {
        ArgumentNullException.ThrowIfNull(utcSessions);
        var days = new List<(int From, int To)>[7];
        for (var d = 0; d < 7; d++)
        {
            days[d] = [];
        }

        foreach (var session in utcSessions)
        {
            var from = ((int)session.Day * 86_400) + (session.FromMinute * 60) + offsetSeconds;
            var to = from + ((session.ToMinute - session.FromMinute) * 60);
            for (var second = from; second < to;)
            {
                var week = ((second % 604_800) + 604_800) % 604_800;
                var day = week / 86_400;
                var end = Math.Min(to - second, 86_400 - (week % 86_400));
                days[day].Add((week % 86_400, (week % 86_400) + end));
                second += end;
            }
        }

        foreach (var day in days)
        {
            day.Sort();
        }

        return days;
    }

    private static JsonArray Sessions(IReadOnlyList<TradingSession> utcSessions, int offsetSeconds)
    {
        var array = new JsonArray();
        foreach (var day in OnBrokerClock(utcSessions, offsetSeconds))
        {
            var ranges = new JsonArray();
            foreach (var (from, to) in day)
            {
                ranges.Add(new JsonArray(from, to));
            }

            array.Add(ranges);
        }

        return array;
    }
}
