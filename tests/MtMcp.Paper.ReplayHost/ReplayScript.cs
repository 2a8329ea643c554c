using System.Globalization;

namespace MtMcp.Paper.ReplayHost;

/// <summary>
/// The scripted orders of the replay: every <see cref="Every"/>-th tick, one action per account chosen by the
/// tick's position, each with a client order id derived from the position, so re-running an action after a
/// restart returns its first result instead of trading twice.
/// </summary>
public static class ReplayScript
{
    public const int Every = 997;

    public static readonly (string Name, AccountSettings Settings)[] Accounts =
    [
        ("hedge-usd", Settings("USD", AccountMarginMode.RetailHedging, 100, 1)),
        ("net-eur", Settings("EUR", AccountMarginMode.RetailNetting, 30, 2)),
    ];

    public static void EnsureAccounts(PaperTradingService service)
    {
        foreach (var (name, settings) in Accounts)
        {
            if (!service.Accounts.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                service.Create(name, settings, 10_000m);
            }
        }
    }

    public static void Act(PaperTradingService service, long position, Tick tick)
    {
        if (position % Every != 0)
        {
            return;
        }

        var step = position / Every;
        foreach (var (name, _) in Accounts)
        {
            // An account that committed a later position finished this step before the process stopped.
            if (service.CommittedPosition(name) > position)
            {
                continue;
            }

            foreach (var request in Requests(service, name, step, tick))
            {
                service.Send(name, request);
            }
        }
    }

    private static IEnumerable<TradeRequest> Requests(PaperTradingService service, string account, long step, Tick tick)
    {
        const double Pip = 0.0001;
        var id = string.Create(CultureInfo.InvariantCulture, $"s{step}");
        var positions = service.Read(account, a => a.Positions.ToArray());
        var orders = service.Read(account, a => a.Orders.ToArray());
        switch (step % 8)
        {
            case 0:
                yield return Market(OrderType.Buy, 0.1m, id) with { StopLoss = Round(tick.Bid - (30 * Pip)), TakeProfit = Round(tick.Bid + (40 * Pip)), Magic = 11 };
                break;
            case 1:
                yield return Market(OrderType.Sell, 0.2m, id) with { TrailingStopPoints = 150, TrailingStepPoints = 10, Magic = 12 };
                break;
            case 2:
                yield return Pending(OrderType.BuyLimit, 0.1m, Round(tick.Ask - (20 * Pip)), id) with { TimeType = OrderTimeType.Day, Magic = 13 };
                break;
            case 3:
                yield return Pending(OrderType.SellStop, 0.1m, Round(tick.Bid - (15 * Pip)), id) with { StopLoss = Round(tick.Bid + (10 * Pip)), Magic = 14 };
                break;
            case 4 when positions.Length > 0:
                var oldest = positions[0];
                var half = Math.Max(0.01m, decimal.Round(oldest.Volume / 2, 2, MidpointRounding.ToZero));
                yield return Market(oldest.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy, half, id) with { Position = oldest.Ticket };
                break;
            case 5 when orders.Length > 0:
                var newest = orders[^1];
                yield return new TradeRequest
                {
                    Action = TradeAction.Modify, Order = newest.Ticket, Price = Round(newest.PriceOpen - (5 * Pip)),
                    StopLoss = newest.StopLoss, TakeProfit = newest.TakeProfit, TimeType = newest.TimeType, ExpirationMs = newest.ExpirationMs, ClientOrderId = id,
                };
                break;
            case 6 when Array.Find(positions, p => p.Type == PositionType.Buy) is { } buy && Array.Find(positions, p => p.Type == PositionType.Sell) is { } sell:
                yield return new TradeRequest { Action = TradeAction.CloseBy, Position = buy.Ticket, PositionBy = sell.Ticket, ClientOrderId = id };
                break;
            case 7:
                // One id per position closed, so a repeat after a restart closes only what is still open.
                foreach (var position in positions)
                {
                    yield return Market(position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy, position.Volume, $"{id}-{position.Ticket}") with { Position = position.Ticket };
                }

                break;
            default:
                yield return Market(OrderType.Buy, 0.05m, id) with { Comment = "filler" };
                break;
        }
    }

    private static TradeRequest Market(OrderType type, decimal volume, string id) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = type, Volume = volume, ClientOrderId = id, Comment = "script" };

    private static TradeRequest Pending(OrderType type, decimal volume, double price, string id) =>
        new() { Action = TradeAction.Pending, Symbol = "EURUSD", Type = type, Volume = volume, Price = price, ClientOrderId = id, Comment = "script" };

    private static double Round(double price) => Math.Round(price, 5);

    private static AccountSettings Settings(string currency, AccountMarginMode mode, int leverage, ulong login) => new()
    {
        Info = new AccountInfo
        {
            Login = login, Server = "replay", Currency = currency, CurrencyDigits = CurrencyDigits.For(currency),
            Leverage = leverage, TradeMode = AccountTradeMode.Demo, MarginMode = mode,
        },
        Commission = new CommissionSchedule(PerLot: 3.5m),
        Slippage = new SlippageModel(FixedPoints: 0, RandomPoints: 2, Seed: 7),
    };
}
