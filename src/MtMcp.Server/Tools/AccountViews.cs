using MtMcp.Domain;
using MtMcp.Paper;

namespace MtMcp.Server.Tools;

/// <summary>The account, position and order views shared by the tools, the resources, REST and the WebSocket streams.</summary>
internal static class AccountViews
{
    /// <summary>The state of <paramref name="name"/> as <c>get_account</c> answers it.</summary>
    public static AccountDetails Details(PaperTradingService service, string name, ServerSettings settings) =>
        service.Read(name, a =>
        {
            var s = a.Snapshot();
            var digits = s.Info.CurrencyDigits;
            return new AccountDetails(name, s.Info.Login, UntrustedText.Clean(s.Info.Server, 64), UntrustedText.Clean(s.Info.Company, 64), s.Info.Currency,
                s.Info.Leverage, TradingMap.Name(s.Info.TradeMode), MarginMode(s.Info), ServerModeName(settings.Mode), s.Balance, s.Credit,
                Math.Round(s.Profit, digits), Math.Round(s.Equity, digits), Math.Round(s.Margin, digits), Math.Round(s.MarginFree, digits),
                s.MarginLevel is { } level ? Math.Round(level, 2) : null, s.MarginCall, s.Info.MarginCall, s.Info.MarginStopOut,
                TradingMap.Name(s.Info.StopoutMode), s.Info.TradeAllowed && settings.Mode != ServerMode.ReadOnly, Args.FormatMilliseconds(Math.Max(s.TimeMs, 0)));
        });

    /// <summary>The open positions of <paramref name="name"/>, optionally of one symbol.</summary>
    public static PositionList Positions(PaperTradingService service, string name, string? symbol)
    {
        var rows = service.Read(name, a =>
        {
            var list = new List<PositionInfo>(a.Positions.Count);
            foreach (var p in a.Positions)
            {
                if (symbol is null || p.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase))
                {
                    list.Add(TradingMap.Position(a, p));
                }
            }

            return list;
        });
        return new PositionList(name, rows.Count, rows);
    }

    /// <summary>The working orders of <paramref name="name"/>, optionally of one symbol.</summary>
    public static OrderList Orders(PaperTradingService service, string name, string? symbol)
    {
        var rows = service.Read(name, a =>
        {
            var list = new List<OrderInfo>(a.Orders.Count);
            foreach (var o in a.Orders)
            {
                if (symbol is null || o.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase))
                {
                    list.Add(TradingMap.Order(o));
                }
            }

            return list;
        });
        return new OrderList(name, rows.Count, rows);
    }

    /// <summary>The mode as the tools name it.</summary>
    public static string ServerModeName(ServerMode mode) => mode switch
    {
        ServerMode.ReadOnly => "read_only",
        ServerMode.Live => "live",
        _ => "paper",
    };

    /// <summary>hedging or netting.</summary>
    public static string MarginMode(AccountInfo info) => info.IsHedging ? "hedging" : "netting";
}
