using System.Globalization;

namespace MtMcp.Risk;

/// <summary>
/// Portfolio risk (risk.md §2): exposures per currency, asset class and symbol, VaR/ES by three methods, EWMA
/// volatilities, the correlation matrix, stress scenarios and limit alerts, for one account.
/// </summary>
public static class PortfolioRisk
{
    /// <summary>
    /// VaR and ES of a linear portfolio: <paramref name="exposures"/>[k] is the signed value in the account currency
    /// exposed to the returns <paramref name="returns"/>[k] (P&amp;L = Σ x_k r_k). Series are aligned on their common
    /// most recent part. Parametric and Monte Carlo use the sample covariance with zero mean.
    /// </summary>
    /// <exception cref="ArgumentException">The counts differ, or options are out of range.</exception>
    public static VarFigures ValueAtRisk(ReadOnlySpan<double> exposures, IReadOnlyList<ReadOnlyMemory<double>> returns, RiskReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(options);
        if (exposures.Length != returns.Count)
        {
            throw new ArgumentException($"{exposures.Length} exposures but {returns.Count} return series: give one series per exposure.", nameof(returns));
        }

        var k = exposures.Length;
        var n = int.MaxValue;
        foreach (var series in returns)
        {
            n = Math.Min(n, series.Length);
        }

        if (k == 0 || n < 2)
        {
            return VarFigures.None(options.Confidence, options.Horizon);
        }

        var scale = Math.Sqrt(options.Horizon);

        // Historical: today's exposures on every past period.
        var pnl = new double[n];
        for (var j = 0; j < k; j++)
        {
            var r = returns[j].Span[^n..];
            var x = exposures[j];
            for (var i = 0; i < n; i++)
            {
                pnl[i] += x * r[i];
            }
        }

        // σ_P² = xᵀ Σ x is the sample variance of the historical P&L (same data, linear portfolio).
        var sigma = RiskMath.StandardDeviation(pnl);
        var (parametricVar, parametricEs) = RiskMath.ParametricVar(sigma, options.Confidence, options.Horizon);
        for (var i = 0; i < n; i++)
        {
            pnl[i] *= scale;
        }

        var (historicalVar, historicalEs) = RiskMath.EmpiricalVar(pnl, options.Confidence);
        var (mcVar, mcEs) = MonteCarlo(exposures, returns, n, options);
        return new VarFigures
        {
            Confidence = options.Confidence,
            Horizon = options.Horizon,
            Observations = n,
            ParametricVar = parametricVar,
            ParametricEs = parametricEs,
            HistoricalVar = historicalVar,
            HistoricalEs = historicalEs,
            MonteCarloVar = mcVar,
            MonteCarloEs = mcEs,
            Simulations = options.Simulations,
        };
    }

    /// <summary>The Pearson correlation matrix (row-major, k × k) of the series' common most recent part; NaN where undefined.</summary>
    public static double[] CorrelationMatrix(IReadOnlyList<ReadOnlyMemory<double>> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var k = returns.Count;
        var n = k == 0 ? 0 : returns.Min(r => r.Length);
        var matrix = new double[k * k];
        for (var a = 0; a < k; a++)
        {
            matrix[(a * k) + a] = n >= 2 ? 1 : double.NaN;
            for (var b = a + 1; b < k; b++)
            {
                var rho = n >= 2 ? RiskMath.Correlation(returns[a].Span[^n..], returns[b].Span[^n..]) : double.NaN;
                matrix[(a * k) + b] = rho;
                matrix[(b * k) + a] = rho;
            }
        }

        return matrix;
    }

    /// <summary>
    /// The risk report of <paramref name="account"/>: exposures, VaR/ES on the symbols that have return series, EWMA
    /// volatilities, correlations, stress results, and alerts at 80 % and 100 % of the limits.
    /// </summary>
    /// <param name="account">The account (read under the host's lock).</param>
    /// <param name="returns">Return series per symbol.</param>
    /// <param name="options">Confidence, horizon, simulations, scenarios.</param>
    /// <param name="limits">The account's limits, for the alerts; null = no alerts.</param>
    /// <param name="status">The gate's loss and rate figures (<see cref="PreTradeGate.Status"/>), for their alerts.</param>
    /// <exception cref="InvalidOperationException">A quote needed to value a position in the account currency is missing.</exception>
    public static RiskReport Build(TradingAccount account, IReturnSeriesProvider returns, RiskReportOptions options, RiskLimits? limits = null, AccountRiskStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(options);
        var quotes = account.Quotes;
        var converter = new CurrencyConverter(quotes.Symbols, quotes);
        var currency = account.Settings.Info.Currency;
        var snapshot = account.Snapshot();
        var equity = snapshot.Equity;

        // Net and larger-direction lots per symbol, positions only (pending orders are not exposure yet).
        var lots = new SortedDictionary<string, (double Long, double Short)>(StringComparer.OrdinalIgnoreCase);
        foreach (var position in account.Positions)
        {
            var v = (double)position.Volume;
            lots[position.Symbol] = lots.TryGetValue(position.Symbol, out var l)
                ? position.Type == PositionType.Buy ? (l.Long + v, l.Short) : (l.Long, l.Short + v)
                : position.Type == PositionType.Buy ? (v, 0) : (0, v);
        }

        var currencies = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var classes = new SortedDictionary<EsmaAssetClass, (double Gross, double Net, double Required)>();
        var symbols = new List<SymbolExposure>();
        var factorExposure = new List<double>();
        var factorReturns = new List<ReadOnlyMemory<double>>();
        var factorNames = new List<string>();
        double gross = 0, requiredMargin = 0, largestSymbolNotional = 0;
        foreach (var (name, (longLots, shortLots)) in lots)
        {
            if (!quotes.TryGetId(name, out var id) || !quotes.HasQuote(id))
            {
                throw new InvalidOperationException($"No quote for {name}: its exposure cannot be valued.");
            }

            var spec = quotes.Spec(id);
            var q = quotes.Get(id);
            var mid = (q.Bid + q.Ask) / 2;
            var profitRate = MidRate(converter, spec.CurrencyProfit, currency);
            var netLots = longLots - shortLots;
            var notional = netLots * spec.ContractSize * mid * profitRate;
            var larger = Math.Max(longLots, shortLots) * spec.ContractSize * mid * profitRate;
            gross += (longLots + shortLots) * spec.ContractSize * mid * profitRate;
            largestSymbolNotional = Math.Max(largestSymbolNotional, larger);
            var cap = limits is null ? 0 : limits.Leverage.CapFor(spec, limits.Profile);
            var required = cap > 0 ? larger / cap : 0;
            requiredMargin += required;
            var c = classes.GetValueOrDefault(spec.AssetClass);
            classes[spec.AssetClass] = (c.Gross + ((longLots + shortLots) * spec.ContractSize * mid * profitRate), c.Net + notional, c.Required + required);

            // A pair (base ≠ profit currency) is long its base and short its profit currency.
            if (!spec.CurrencyBase.Equals(spec.CurrencyProfit, StringComparison.OrdinalIgnoreCase))
            {
                Add(currencies, spec.CurrencyBase, netLots * spec.ContractSize * MidRate(converter, spec.CurrencyBase, currency));
                Add(currencies, spec.CurrencyProfit, -notional);
            }

            var volatility = double.NaN;
            if (returns.TryGetReturns(name, out var series) && series.Length >= 2)
            {
                volatility = RiskMath.EwmaVolatility(series.Span, options.EwmaLambda);
                if (notional != 0)
                {
                    factorExposure.Add(notional);
                    factorReturns.Add(series);
                    factorNames.Add(spec.Name);
                }
            }

            symbols.Add(new SymbolExposure(spec.Name, netLots, notional, volatility));
        }

        var var = ValueAtRisk(factorExposure.ToArray(), factorReturns, options);
        var stress = new List<StressResult>(options.Scenarios.Count);
        foreach (var scenario in options.Scenarios)
        {
            stress.Add(new StressResult(scenario.Name, Stress(scenario, currency, currencies, symbols)));
        }

        return new RiskReport
        {
            Account = account.Name,
            Currency = currency,
            TimeMs = account.TimeMs,
            Equity = equity,
            Margin = snapshot.Margin,
            MarginUsePercent = equity > 0 ? snapshot.Margin / equity * 100 : double.PositiveInfinity,
            Leverage = equity > 0 ? gross / equity : double.PositiveInfinity,
            Currencies = [.. currencies.Where(c => c.Value != 0)
                .Select(c => new CurrencyExposure(c.Key, c.Value)).OrderByDescending(c => Math.Abs(c.Amount)).ThenBy(c => c.Currency, StringComparer.Ordinal)],
            AssetClasses = [.. classes.Select(c => new AssetClassExposure(c.Key, c.Value.Gross, c.Value.Net, limits?.Leverage.CapFor(c.Key) ?? 0, c.Value.Required))],
            Symbols = symbols,
            Var = var,
            CorrelationSymbols = factorNames,
            Correlation = CorrelationMatrix(factorReturns),
            Stress = stress,
            Alerts = limits is null ? [] : Alerts(account, limits, status, equity, requiredMargin, largestSymbolNotional),
        };
    }

    /// <summary>
    /// P&amp;L of a scenario: each currency exposure E_c revalues by (1 + s_c) / (1 + s_account) − 1; each symbol shock
    /// moves its net notional by the fraction (a pair's symbol shock adds to its currencies' shocks).
    /// </summary>
    public static double Stress(StressScenario scenario, string accountCurrency, IReadOnlyDictionary<string, double> currencyExposures, IReadOnlyList<SymbolExposure> symbols)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(currencyExposures);
        ArgumentNullException.ThrowIfNull(symbols);
        var shocks = new Dictionary<string, double>(scenario.CurrencyShocks, StringComparer.OrdinalIgnoreCase);
        var account = 1 + shocks.GetValueOrDefault(accountCurrency);
        double pnl = 0;
        foreach (var (currency, exposure) in currencyExposures)
        {
            pnl += exposure * (((1 + shocks.GetValueOrDefault(currency)) / account) - 1);
        }

        if (scenario.SymbolShocks is { } symbolShocks)
        {
            foreach (var symbol in symbols)
            {
                if (symbolShocks.TryGetValue(symbol.Symbol, out var shock))
                {
                    pnl += symbol.Notional * shock;
                }
            }
        }

        return pnl;
    }

    private static List<RiskAlert> Alerts(TradingAccount account, RiskLimits limits, AccountRiskStatus? status, double equity, double requiredMargin, double largestSymbolNotional)
    {
        var alerts = new List<RiskAlert>();
        void Check(string limit, double value, double threshold)
        {
            if (threshold > 0 && value >= 0.8 * threshold)
            {
                var utilisation = value / threshold;
                alerts.Add(new RiskAlert(limit, value, threshold, utilisation, utilisation >= 1 ? RiskAlertLevel.Breach : RiskAlertLevel.Warning));
            }
        }

        var pending = account.Orders.Count(o => o.Type is not (OrderType.Buy or OrderType.Sell));
        Check(RiskChecks.MaxOpenPositions, account.Positions.Count + pending, limits.MaxOpenPositions);
        Check(RiskChecks.MaxPendingOrders, pending, limits.MaxPendingOrders);
        Check(RiskChecks.LeverageLimit, requiredMargin, equity);
        Check(RiskChecks.MaxPositionSize, largestSymbolNotional, limits.PositionSizePercent / 100 * equity);
        if (status is not null)
        {
            Check(RiskChecks.DailyLossLimit, status.DailyLossPercent, limits.MaxDailyLossPercent);
            Check(RiskChecks.MaxDrawdown, status.DrawdownPercent, limits.MaxDrawdownPercent);
            Check(RiskChecks.MaxOrdersPerMinute, status.OrdersLastMinute, limits.MaxOrdersPerMinute);
            Check(RiskChecks.MaxOrdersPerDay, status.OrdersToday, limits.MaxOrdersPerDay);
        }

        return alerts;
    }

    /// <summary>Monte Carlo: r = L z with Σ = L Lᵀ; the P&amp;L x·r = (Lᵀx)·z needs one k-vector per scenario.</summary>
    private static (double Var, double Es) MonteCarlo(ReadOnlySpan<double> exposures, IReadOnlyList<ReadOnlyMemory<double>> returns, int n, RiskReportOptions options)
    {
        if (options.Simulations < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Simulations must be positive, not {options.Simulations}."), nameof(options));
        }

        var k = exposures.Length;
        var covariance = new double[k * k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var c = RiskMath.Covariance(returns[a].Span[^n..], returns[b].Span[^n..]);
                covariance[(a * k) + b] = c;
                covariance[(b * k) + a] = c;
            }
        }

        var lower = new double[k * k];
        if (!RiskMath.Cholesky(covariance, lower, k))
        {
            // Not positive definite (collinear or constant series): add a tiny ridge, enough for the factorisation.
            double trace = 0;
            for (var i = 0; i < k; i++)
            {
                trace += covariance[(i * k) + i];
            }

            for (var i = 0; i < k; i++)
            {
                covariance[(i * k) + i] += Math.Max(trace / k, 1e-300) * 1e-10;
            }

            if (!RiskMath.Cholesky(covariance, lower, k))
            {
                return (double.NaN, double.NaN);
            }
        }

        var w = new double[k];
        for (var j = 0; j < k; j++)
        {
            double sum = 0;
            for (var i = j; i < k; i++)
            {
                sum += lower[(i * k) + j] * exposures[i];
            }

            w[j] = sum;
        }

        var random = new Random(options.Seed);
        var scale = Math.Sqrt(options.Horizon);
        var pnl = new double[options.Simulations];
        for (var s = 0; s < pnl.Length; s++)
        {
            double sum = 0;
            for (var j = 0; j < k; j++)
            {
                sum += w[j] * Gaussian(random);
            }

            pnl[s] = sum * scale;
        }

        return RiskMath.EmpiricalVar(pnl, options.Confidence);
    }

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the log is finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double MidRate(CurrencyConverter converter, string from, string to) =>
        (converter.Rate(from, to, ConversionSide.Receive) + converter.Rate(from, to, ConversionSide.Pay)) / 2;

    private static void Add(Dictionary<string, double> map, string key, double amount) => map[key] = map.GetValueOrDefault(key) + amount;
}
