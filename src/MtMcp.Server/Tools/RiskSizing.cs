using System.Globalization;
using MtMcp.Domain;
using MtMcp.Paper;
using MtMcp.Risk;

namespace MtMcp.Server.Tools;

/// <summary>Fixed-fractional sizing on a paper account, shared by <c>calculate_position_size</c> and <c>place_order</c>'s <c>risk_percent</c>.</summary>
internal static class RiskSizing
{
    /// <summary>Sizes a trade; <paramref name="entry"/> null = the current quote (ask for a buy, bid for a sell).</summary>
    public static (SizingResult Sizing, double Entry, double Equity, string Currency) Size(
        PaperTradingService service, string account, SymbolSpec spec, bool buy, double? entry, double stopLoss, double riskPercent)
    {
        if (!double.IsFinite(riskPercent) || riskPercent <= 0 || riskPercent > 100)
        {
            throw ToolErrorException.InvalidArgument("risk_percent", "risk_percent must be a percent of equity in (0, 100], typically 0.5 to 2.");
        }

        if (!double.IsFinite(stopLoss) || stopLoss <= 0)
        {
            throw ToolErrorException.InvalidArgument("stop_loss", "Sizing from risk_percent needs stop_loss: the price where the trade is closed at a loss.");
        }

        return service.Read(account, a =>
        {
            double price;
            if (entry is { } given)
            {
                price = given;
            }
            else if (a.Quotes.TryGetQuote(spec.Name, out var quote))
            {
                price = buy ? quote.Value.Ask : quote.Value.Bid;
            }
            else
            {
                throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"There is no quote for {spec.Name} yet to size from; give entry_price or retry.", Retryable: true, "symbol"));
            }

            if (buy ? stopLoss >= price : stopLoss <= price)
            {
                throw ToolErrorException.InvalidArgument("stop_loss", string.Create(CultureInfo.InvariantCulture,
                    $"stop_loss {spec.FormatPrice(stopLoss)} must be {(buy ? "below" : "above")} the entry {spec.FormatPrice(price)} of a {(buy ? "buy" : "sell")}."));
            }

            try
            {
                var equity = a.Snapshot().Equity;
                return (new PositionSizer(a).FixedFractional(spec.Name, riskPercent, price, stopLoss, equity), price, equity, a.Settings.Info.Currency);
            }
            catch (ArgumentException error)
            {
                throw ToolErrorException.InvalidArgument("stop_loss", error.Message);
            }
            catch (InvalidOperationException error)
            {
                // A conversion quote into the account currency is missing.
                throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, error.Message, Retryable: true, "symbol"));
            }
        });
    }

    /// <summary>The lots for <c>risk_percent</c> in an order; INVALID_ARGUMENT when the risk buys less than the minimum volume.</summary>
    public static decimal Lots(PaperTradingService service, string account, SymbolSpec spec, bool buy, double? entry, double stopLoss, double riskPercent)
    {
        var (sizing, _, _, _) = Size(service, account, spec, buy, entry, stopLoss, riskPercent);
        return sizing.Volume > 0
            ? sizing.Volume
            : throw ToolErrorException.InvalidArgument("risk_percent", (sizing.Problem ?? "The risk budget buys no volume.") + " Nothing was done.");
    }
}
