using System.Collections.Frozen;

namespace MtMcp.Risk.Tests;

/// <summary>
/// Thousands of random orders, closes, cancels and price moves against random limits: the account never ends up beyond
/// a configured limit, checked by an independent calculation after every step.
/// </summary>
public sealed class RandomOrderTests
{
    private static readonly string[] s_symbols = ["EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "AUDUSD"];

    [Fact]
    public void RandomOrders_NeverLeaveTheAccountBeyondItsLimits()
    {
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            var limits = Harness.Open() with
            {
                MaxOrderVolume = random.Next(10, 300) / 100m,
                MaxOrderNotional = random.Next(50, 400) * 1000,
                MaxOpenPositions = random.Next(1, 15),
                MaxPendingOrders = random.Next(1, 8),
                PositionSizePercent = random.Next(300, 3000),
                Profile = ComplianceProfile.EuRetail,
                Leverage = LeverageCaps.EuRetail,
                Symbols = new Dictionary<string, SymbolLimits> { ["EURUSD"] = new(MaxPositionVolume: random.Next(20, 400) / 100m) }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            };
            var h = new Harness(limits, leverage: 1000, deposit: 10_000m + random.Next(0, 90_000));
            for (var i = 0; i < 400; i++, steps++)
            {
                Step(h, random, refusals);
                AssertCountsWithinLimits(h, limits);
            }
        }

        Assert.True(steps >= 4000);

        // The run must have exercised the checks, not just passed everything.
        foreach (var check in (ReadOnlySpan<string>)[RiskChecks.MaxOrderVolume, RiskChecks.MaxOpenPositions, RiskChecks.LeverageLimit, RiskChecks.MaxPositionSize])
        {
            Assert.True(refusals.GetValueOrDefault(check) > 0, $"No order was refused by {check}: {string.Join(", ", refusals)}");
        }
    }

    private static void Step(Harness h, Random random, Dictionary<string, int> refusals)
    {
        var symbol = s_symbols[random.Next(s_symbols.Length)];
        var price = h.Board.Get(h.Id(symbol)).Bid;
        switch (random.Next(10))
        {
            case < 5:
                var request = Harness.Market(symbol, random.Next(2) == 0 ? OrderType.Buy : OrderType.Sell, random.Next(1, 500) / 100m);
                var (decision, result) = h.Send(request);
                if (!decision.Allowed)
                {
                    refusals[decision.Check] = refusals.GetValueOrDefault(decision.Check) + 1;
                }
                else if (result!.Retcode == TradeRetcode.Done)
                {
                    AssertExposureWithinLimits(h, h.Gate.Configuration.Global);
                }

                break;
            case 5:
                var isBuy = random.Next(2) == 0;
                var spec = h.Board.Spec(h.Id(symbol));
                var pending = Harness.Limit(isBuy ? OrderType.BuyLimit : OrderType.SellLimit, random.Next(1, 300) / 100m, spec.NormalizePrice(price * (isBuy ? 0.995 : 1.005)), symbol);
                var placed = h.Send(pending);
                if (!placed.Decision.Allowed)
                {
                    refusals[placed.Decision.Check] = refusals.GetValueOrDefault(placed.Decision.Check) + 1;
                }

                break;
            case 6 when h.Account.Positions.Count > 0:
                var position = h.Account.Positions[random.Next(h.Account.Positions.Count)];
                var close = new TradeRequest
                {
                    Action = TradeAction.Deal, Symbol = position.Symbol, Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
                    Volume = position.Volume, Position = position.Ticket,
                };
                Assert.True(h.Send(close).Decision.Allowed); // closing always passes
                break;
            case 7 when h.Account.Orders.Count > 0:
                Assert.True(h.Send(new TradeRequest { Action = TradeAction.Remove, Order = h.Account.Orders[0].Ticket }).Decision.Allowed);
                break;
            default:
                var spec2 = h.Board.Spec(h.Id(symbol));
                h.Quote(symbol, spec2.NormalizePrice(price * (1 + ((random.NextDouble() - 0.5) * 0.006))), afterMs: 5_000);
                break;
        }
    }

    /// <summary>Counts and volumes hold at every moment, whatever the prices do (pending orders count as filled).</summary>
    private static void AssertCountsWithinLimits(Harness h, RiskLimits limits)
    {
        var pending = h.Account.Orders.Count(o => o.Type is not (OrderType.Buy or OrderType.Sell));
        Assert.True(h.Account.Positions.Count + pending <= limits.MaxOpenPositions, $"{h.Account.Positions.Count} positions + {pending} pending > {limits.MaxOpenPositions}");
        Assert.True(pending <= limits.MaxPendingOrders);
        Assert.All(h.Account.Positions, p => Assert.True(p.Volume <= limits.MaxOrderVolume, $"position of {p.Volume} lots > {limits.MaxOrderVolume}"));
        var maxEurusd = limits.Symbols["EURUSD"].MaxPositionVolume!.Value;
        foreach (var buy in (ReadOnlySpan<bool>)[true, false])
        {
            var volume = h.Account.Positions.Where(p => p.Symbol == "EURUSD" && (p.Type == PositionType.Buy) == buy).Sum(p => p.Volume)
                + h.Account.Orders.Where(o => o.Symbol == "EURUSD" && o.IsBuy == buy).Sum(o => o.VolumeCurrent);
            Assert.True(volume <= maxEurusd, $"EURUSD {(buy ? "long" : "short")} {volume} lots > {maxEurusd}");
        }
    }

    /// <summary>Right after an accepted order (same prices): the ESMA margin of the exposure fits in equity, and no symbol exceeds its size.</summary>
    private static void AssertExposureWithinLimits(Harness h, RiskLimits limits)
    {
        var equity = h.Account.Snapshot().Equity;
        double required = 0;
        foreach (var symbol in s_symbols)
        {
            var spec = h.Board.Spec(h.Id(symbol));
            var longLots = (double)(h.Account.Positions.Where(p => p.Symbol == symbol && p.Type == PositionType.Buy).Sum(p => p.Volume) + h.Account.Orders.Where(o => o.Symbol == symbol && o.IsBuy).Sum(o => o.VolumeCurrent));
            var shortLots = (double)(h.Account.Positions.Where(p => p.Symbol == symbol && p.Type == PositionType.Sell).Sum(p => p.Volume) + h.Account.Orders.Where(o => o.Symbol == symbol && !o.IsBuy).Sum(o => o.VolumeCurrent));
            var price = h.Board.Get(h.Id(symbol)).Bid; // bid = ask in the harness
            var usdPerProfitUnit = spec.CurrencyProfit == "USD" ? 1 : 1 / h.Board.Get(h.Id("USD" + spec.CurrencyProfit)).Bid;
            var notional = Math.Max(longLots, shortLots) * spec.ContractSize * price * usdPerProfitUnit;
            required += notional / spec.AssetClass.MaxRetailLeverage();
        }

        Assert.True(required <= equity * (1 + 1e-9), $"ESMA margin {required} > equity {equity}");
    }
}
