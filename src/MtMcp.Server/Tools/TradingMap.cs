using System.Security.Claims;
using System.Text.Json;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;

namespace MtMcp.Server.Tools;

/// <summary>Account resolution and the explicit mapping from engine records to the tools' JSON shapes.</summary>
internal static class TradingMap
{
    /// <summary>The account called <paramref name="account"/>, or the first account when it is null.</summary>
    public static string Account(PaperTradingService service, string? account)
    {
        var names = service.Accounts;
        if (names.Count == 0)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.UnknownAccount, "There is no paper account; create one with `mtmcp paper create NAME`.", Retryable: false, "account"));
        }

        if (account is null)
        {
            return names[0];
        }

        foreach (var name in names)
        {
            if (name.Equals(account.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        throw new ToolErrorException(new ToolError(ToolErrorCodes.UnknownAccount,
            $"There is no account '{UntrustedText.Clean(account, 32)}'; the accounts are: {string.Join(", ", names)}.", Retryable: false, "account"));
    }

    /// <summary>Who asked, for the audit trail: the authenticated HTTP user, else the local operator (stdio).</summary>
    public static TradeOrigin Origin(string tool, ClaimsPrincipal? user) =>
        new(user?.Identity?.IsAuthenticated == true && user.Identity.Name is { Length: > 0 } name ? name : TradeOrigin.Local.Actor, "mcp:" + tool);

    /// <summary>An enum value as snake_case (<c>BuyLimit</c> → <c>buy_limit</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static TradeOutcomeInfo Outcome(TradeResult r) => new(
        (int)r.Retcode, TradeRetcodes.MqlName((int)r.Retcode) ?? "", Name(r.Outcome), UntrustedText.Clean(r.Message, 400),
        r.Order, r.Deal, r.Position, r.Volume, r.Price, r.Bid, r.Ask, r.ClientOrderId, Args.FormatMilliseconds(r.TimeMs));

    /// <summary>Whether the venue did what was asked (filled, partly filled, placed, or nothing needed doing).</summary>
    public static bool Succeeded(TradeResult r) => r.Outcome is TradeOutcome.Filled or TradeOutcome.Partial or TradeOutcome.Placed or TradeOutcome.NoChange;

    /// <summary>A rejected request as a TRADE_REJECTED (or MARKET_CLOSED) tool error with the MT5 retcode.</summary>
    public static ToolErrorException Rejected(TradeResult r)
    {
        // The server's own risk gate refused it: the venue never saw the request.
        if (r.RiskCheck is { } check)
        {
            var later = check is "max_orders_per_minute" or "max_orders_per_day";
            return new ToolErrorException(new ToolError(ToolErrorCodes.RiskLimit,
                $"Refused by the risk limit '{check}': {UntrustedText.Clean(r.Message, 400)}", later, Retcode: (int)r.Retcode));
        }

        var code = r.Retcode == TradeRetcode.MarketClosed ? ToolErrorCodes.MarketClosed : ToolErrorCodes.TradeRejected;
        var retryable = r.Outcome is TradeOutcome.Retryable or TradeOutcome.Uncertain || r.Retcode == TradeRetcode.MarketClosed;
        return new ToolErrorException(new ToolError(code,
            $"{TradeRetcodes.MqlName((int)r.Retcode)} ({(int)r.Retcode}): {UntrustedText.Clean(r.Message, 400)}", retryable, Retcode: (int)r.Retcode));
    }

    /// <summary>A paper position, valued as a broker reports its positions (<see cref="TradingAccount.StateOf"/>).</summary>
    public static PositionInfo Position(TradingAccount account, Position p) => Position(account.StateOf(p));

    /// <summary>A position as a venue reported it with its current price and profit (swap apart).</summary>
    public static PositionInfo Position(PositionState state)
    {
        var (p, current, profit) = state;
        return new PositionInfo(p.Ticket, p.Symbol, Name(p.Type), p.Volume, p.PriceOpen, current, p.StopLoss, p.TakeProfit, p.TrailingStopPoints,
            profit, p.Swap, p.Commission, p.Magic, UntrustedText.Clean(p.Comment, 64),
            p.ClientOrderId is null ? null : UntrustedText.Clean(p.ClientOrderId, 64), Args.FormatMilliseconds(p.TimeMs));
    }

    public static OrderInfo Order(Order o) => new(
        o.Ticket, o.Symbol, Name(o.Type), Name(o.State), o.VolumeInitial, o.VolumeCurrent, o.PriceOpen, o.StopLimit, o.StopLoss, o.TakeProfit,
        Args.FormatMilliseconds(o.TimeSetupMs), o.TimeDoneMs > 0 ? Args.FormatMilliseconds(o.TimeDoneMs) : null,
        o.ExpirationMs > 0 ? Args.FormatMilliseconds(o.ExpirationMs) : null, o.Magic, UntrustedText.Clean(o.Comment, 64),
        o.ClientOrderId is null ? null : UntrustedText.Clean(o.ClientOrderId, 64), o.PositionId);

    public static DealInfo Deal(Deal d) => new(
        d.Ticket, d.Order, d.PositionId, d.Symbol, Name(d.Type), Name(d.Entry), d.Volume, d.Price, d.Profit, d.Commission, d.Swap, d.Magic,
        UntrustedText.Clean(d.Comment, 64), Name(d.Reason), Args.FormatMilliseconds(d.TimeMs));
}
