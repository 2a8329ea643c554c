namespace MtMcp.Storage.Tests;

/// <summary>Accounts, records and steps written out by hand, as the engine would produce them.</summary>
internal static class Samples
{
    public const long T0 = 1_735_776_000_000; // 2025-01-02 00:00:00 UTC

    public static AccountSettings Settings(string currency = "USD") => new()
    {
        Info = new AccountInfo
        {
            Login = 5_000_123,
            Server = "MtMcp-Paper",
            Name = "Zoë Müller",
            Company = "Simulated Venue",
            Currency = currency,
            Leverage = 30,
            TradeMode = AccountTradeMode.Demo,
            MarginMode = AccountMarginMode.RetailHedging,
        },
        Commission = new CommissionSchedule(3.5m, 12.34567890123456789m, CommissionSides.Exit),
        Slippage = new SlippageModel(1, 3, ulong.MaxValue),
        MaxPendingOrders = 200,
        ServerTimeOffset = TimeSpan.FromHours(3),
        NegativeBalanceProtection = true,
    };

    /// <summary>A new account: the deposit deal (ticket 1) and nothing else.</summary>
    public static AccountState NewAccount(decimal deposit = 10_000m) => new()
    {
        Settings = Settings(),
        Balance = deposit,
        NextTicket = 2,
        TimeMs = T0,
        Deals = [new Deal { Ticket = 1, Type = DealType.Balance, Profit = deposit, TimeMs = T0, Comment = "deposit" }],
    };

    /// <summary>A hedging account with history, two open positions, a working stop-limit and two client order results.</summary>
    public static AccountState Rich()
    {
        var buy = new Order
        {
            Ticket = 2, Symbol = "EURUSD", Type = OrderType.Buy, State = OrderState.Filled,
            VolumeInitial = 1.23m, VolumeCurrent = 0m, PriceOpen = 1.03456, StopLoss = 1.02, TakeProfit = 1.05,
            TimeSetupMs = T0 + 1, TimeDoneMs = T0 + 1, Filling = OrderFilling.Fok, Magic = ulong.MaxValue,
            Comment = "grid ▲ 買い", PositionId = 2, ClientOrderId = "c-1", TrailingStopPoints = 150, TrailingStepPoints = 10,
        };
        var stopLimit = new Order
        {
            Ticket = 5, Symbol = "XAUUSD", Type = OrderType.SellStopLimit, State = OrderState.Placed,
            VolumeInitial = 0.07m, VolumeCurrent = 0.07m, PriceOpen = 2601.15, StopLimit = 2605.35, StopLoss = 2650.5,
            TakeProfit = 2500.25, TimeSetupMs = T0 + 5, TimeType = OrderTimeType.Specified, ExpirationMs = T0 + 86_400_000,
            Magic = 42, Comment = "€ stop-limit", Reason = OrderReason.Expert,
        };
        var positionEur = new Position
        {
            Ticket = 2, Symbol = "EURUSD", Type = PositionType.Buy, Volume = 1.23m, PriceOpen = 1.03456, StopLoss = 1.02,
            TakeProfit = 1.05, TimeMs = T0 + 1, TimeUpdateMs = T0 + 7, Magic = ulong.MaxValue, Comment = "grid ▲ 買い",
            Swap = -12.3456789012345678901234567m, Commission = -4.31m, Reason = PositionReason.Expert, ClientOrderId = "c-1",
            TrailingStopPoints = 150, TrailingStepPoints = 10,
        };
        var positionJpy = new Position
        {
            Ticket = 4, Symbol = "USDJPY", Type = PositionType.Sell, Volume = 0.01m, PriceOpen = 157.123, TimeMs = T0 + 4,
            TimeUpdateMs = T0 + 4, Comment = "", Reason = PositionReason.Client,
        };
        return new AccountState
        {
            Settings = Settings(),
            Balance = 9_995.6900000000000000000001m,
            Credit = 250.5m,
            NextTicket = 7,
            TimeMs = T0 + 7,
            Orders =
            [
                buy,
                buy with { Ticket = 4, Symbol = "USDJPY", Type = OrderType.Sell, VolumeInitial = 0.01m, PriceOpen = 157.123, PositionId = 4, Magic = 0, Comment = "", ClientOrderId = null, TrailingStopPoints = 0, TrailingStepPoints = 0 },
                stopLimit,
                stopLimit with { Ticket = 6, State = OrderState.Canceled, TimeDoneMs = T0 + 6, Comment = "" },
            ],
            Positions = [positionEur, positionJpy],
            Deals =
            [
                new Deal { Ticket = 1, Type = DealType.Balance, Profit = 10_000m, TimeMs = T0, Comment = "deposit" },
                new Deal
                {
                    Ticket = 3, Order = 2, PositionId = 2, Symbol = "EURUSD", Type = DealType.Buy, Entry = DealEntry.In,
                    Volume = 1.23m, Price = 1.03456, Commission = -4.31m, TimeMs = T0 + 1, Magic = ulong.MaxValue,
                    Comment = "grid ▲ 買い", Reason = DealReason.Expert, StopLoss = 1.02, TakeProfit = 1.05,
                },
                new Deal
                {
                    Ticket = 7, Order = 4, PositionId = 4, Symbol = "USDJPY", Type = DealType.Sell, Entry = DealEntry.Out,
                    Volume = 0.01m, Price = 157.123, Profit = 0.0000000000000000000000000001m, Swap = -0.01m, TimeMs = T0 + 4,
                },
            ],
            ClientOrders = new Dictionary<string, TradeResult>(StringComparer.Ordinal)
            {
                ["c-1"] = new TradeResult
                {
                    Retcode = TradeRetcode.Done, Action = TradeAction.Deal, Message = "Bought 1.23 EURUSD at 1.03456.", Order = 2,
                    Deal = 3, Position = 2, Volume = 1.23m, Price = 1.03456, Bid = 1.03446, Ask = 1.03456, ClientOrderId = "c-1",
                    TimeMs = T0 + 1,
                },
                ["ünï-2"] = new TradeResult
                {
                    Retcode = TradeRetcode.NoMoney, Action = TradeAction.Deal, Message = "Not enough free margin: 12.5 needed, 3 free.",
                    ClientOrderId = "ünï-2", TimeMs = T0 + 2,
                },
            },
        };
    }

    /// <summary>
    /// The MT5 sequence of a filled market order: ORDER_ADD, DEAL_ADD, POSITION, ORDER_DELETE, HISTORY_ADD.
    /// Returns the final order, the deal and the position (volume 0 when <paramref name="position"/> closes).
    /// </summary>
    public static (Order Order, Deal Deal) MarketStep(AccountChanges changes, ulong ticket, Position position, DealEntry entry, decimal profit)
    {
        var time = T0 + (long)ticket * 1000;
        var isBuy = entry == DealEntry.In ? position.Type == PositionType.Buy : position.Type == PositionType.Sell;
        var placed = new Order
        {
            Ticket = ticket, Symbol = position.Symbol, Type = isBuy ? OrderType.Buy : OrderType.Sell, State = OrderState.Started,
            VolumeInitial = 0.1m, VolumeCurrent = 0.1m, PriceOpen = 1.1, TimeSetupMs = time, Magic = position.Magic,
            Comment = position.Comment, PositionId = position.Ticket,
        };
        var deal = new Deal
        {
            Ticket = ticket + 1, Order = ticket, PositionId = position.Ticket, Symbol = position.Symbol,
            Type = isBuy ? DealType.Buy : DealType.Sell, Entry = entry, Volume = 0.1m, Price = 1.1, Profit = profit,
            TimeMs = time, Magic = position.Magic, Comment = position.Comment,
        };
        var filled = placed with { State = OrderState.Filled, VolumeCurrent = 0m, TimeDoneMs = time };
        changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, time, Order: placed));
        changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, time, Deal: deal));
        changes.Add(new TradeTransaction(TradeTransactionType.Position, time, Position: position));
        changes.Add(new TradeTransaction(TradeTransactionType.OrderDelete, time, Order: placed));
        changes.Add(new TradeTransaction(TradeTransactionType.HistoryAdd, time, Order: filled));
        changes.NextTicket = ticket + 2;
        changes.TimeMs = time;
        return (filled, deal);
    }
}
