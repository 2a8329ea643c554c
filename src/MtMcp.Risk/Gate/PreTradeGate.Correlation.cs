using System.Globalization;

namespace MtMcp.Risk;

public sealed partial class PreTradeGate
{
    /// <summary>
    /// Refuses (or cuts) a new position whose return correlation, signed by the directions, with existing exposure in
    /// another symbol exceeds the limit: long EURUSD and long GBPUSD are correlated bets, long EURUSD and short USDCHF too.
    /// </summary>
    private GateDecision CheckCorrelation(
        TradingAccount account, AccountRiskState state, RiskLimits limits, TradeRequest request, int symbolId, SymbolSpec spec, bool isBuy,
        double notionalPerLot, double equity)
    {
        var quotes = state.Quotes;
        var currency = account.Settings.Info.Currency;
        var direction = isBuy ? 1.0 : -1.0;
        double worst = 0, groupNotional = 0;
        var worstId = -1;
        var version = _returns!.Version;
        for (var i = 0; i < state.TouchedCount; i++)
        {
            var id = state.Touched[i];
            var net = state.LongLots[id] - state.ShortLots[id];
            if (id == symbolId || net == 0 || !quotes.HasQuote(id))
            {
                continue;
            }

            var rho = Correlation(state, version, symbolId, id);
            var signed = rho * direction * Math.Sign(net);
            if (double.IsNaN(rho) || signed <= limits.CorrelationLimit)
            {
                continue;
            }

            var other = quotes.Spec(id);
            var q = quotes.Get(id);
            groupNotional += Math.Abs(net) * other.ContractSize * (net > 0 ? q.Ask : q.Bid) * state.PayRate(id, currency);
            if (signed > worst)
            {
                worst = signed;
                worstId = id;
            }
        }

        if (worstId < 0)
        {
            return GateDecision.Allow(request);
        }

        var worstName = quotes.Spec(worstId).Name;
        if (limits.CorrelationAction == CorrelationAction.Refuse || limits.PositionSizePercent <= 0)
        {
            return Refuse(request, RiskChecks.CorrelationLimit, string.Create(CultureInfo.InvariantCulture,
                $"A {(isBuy ? "long" : "short")} {spec.Name} position would add to correlated exposure: its return correlation with the open {worstName} position, signed by direction, is {worst:0.###}, above correlation_limit {limits.CorrelationLimit}."));
        }

        // Reduce: the correlated positions and this symbol count as one position for position_size_percent.
        var lots = (double)request.Volume;
        var after = isBuy ? state.LongLots[symbolId] : state.ShortLots[symbolId];
        var before = Math.Max(0, after - lots);
        var budget = limits.PositionSizePercent / 100 * equity;
        var room = budget - groupNotional - (before * notionalPerLot);
        var fit = room <= 0 ? 0m : spec.FloorVolume((decimal)Math.Min(room / notionalPerLot, lots));
        if (fit >= request.Volume)
        {
            return GateDecision.Allow(request);
        }

        if (fit <= 0)
        {
            return Refuse(request, RiskChecks.CorrelationLimit, string.Create(CultureInfo.InvariantCulture,
                $"A {(isBuy ? "long" : "short")} {spec.Name} position is correlated ({worst:0.###} > correlation_limit {limits.CorrelationLimit}) with {worstName}; together they already use the position_size_percent budget of {Money(budget)} {currency}, so nothing can be added."));
        }

        return new GateDecision(true, RiskChecks.CorrelationLimit, string.Create(CultureInfo.InvariantCulture,
            $"Reduced from {request.Volume} to {fit} lots: {spec.Name} is correlated ({worst:0.###} > correlation_limit {limits.CorrelationLimit}) with {worstName}, and correlated positions share the position_size_percent budget of {Money(budget)} {currency}."),
            request with { Volume = fit });
    }

    /// <summary>
    /// Pearson correlation of the two symbols' aligned returns (their common most recent part); NaN when unknown.
    /// Cached per account by symbol ids until the series change.
    /// </summary>
    private double Correlation(AccountRiskState state, long version, int a, int b)
    {
        if (state.TryGetCorrelation(a, b, version, out var cached))
        {
            return cached;
        }

        var rho = double.NaN;
        var quotes = state.Quotes;
        if (_returns!.TryGetReturns(quotes.Spec(a).Name, out var ra) && _returns.TryGetReturns(quotes.Spec(b).Name, out var rb))
        {
            var n = Math.Min(ra.Length, rb.Length);
            if (n >= 3)
            {
                rho = RiskMath.Correlation(ra.Span[(ra.Length - n)..], rb.Span[(rb.Length - n)..]);
            }
        }

        state.SetCorrelation(a, b, rho);
        return rho;
    }
}
