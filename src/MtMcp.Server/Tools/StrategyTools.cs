using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;
using MtMcp.Strategies;

namespace MtMcp.Server.Tools;

/// <summary>
/// The research half of the <c>strategy</c> toolset: the built-in strategies, validation of strategy-language documents
/// with positioned errors, and backtests (backtesting.py-compatible or native MT5 semantics) on the history <c>get_bars</c>
/// serves. Strategy files on the server's disk are not reachable from here: a strategy is <c>builtin:NAME</c> or inline.
/// </summary>
[McpServerToolType]
internal sealed class StrategyTools(ServerSettings settings, MarketHistory history, ToolRunner runner)
{
    private const string Builtin = "builtin:";
    private const int DefaultBars = 1000;
    private const int MaxBars = 100_000;
    private const int DefaultTrades = 100;
    private const int MaxTrades = 1000;

    private static readonly JsonElement s_null = JsonDocument.Parse("null").RootElement.Clone();

    [McpServerTool(Name = "list_strategies", Title = "List strategies", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(StrategyList))]
    [Description("Lists the built-in strategies (written in the strategy language, see mt://docs/strategy-language) with their parameters: "
        + "pass 'reference' (builtin:NAME) to run_backtest.")]
    public CallToolResult ListStrategies() =>
        runner.Run("list_strategies", () =>
        {
            var list = StrategyResolver.BuiltinNames.Select(n => View(Builtin + n, StrategyResolver.Builtin(n))).ToList();
            return new StrategyList(list.Count, list);
        }, ServerJsonContext.Default.StrategyList);

    [McpServerTool(Name = "validate_strategy", Title = "Validate a strategy", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(StrategyValidation))]
    [Description("Checks a strategy-language document (JSON text; the language is in mt://docs/strategy-language). Answers valid with the "
        + "strategy's parameters, or every error with its field, line, column (1-based) and a hint. An invalid document is an answer, not a tool error.")]
    public CallToolResult ValidateStrategy(
        [Description("The strategy document as JSON text (comments and trailing commas allowed).")] string document) =>
        runner.Run("validate_strategy", () =>
        {
            StrategyReferences.CheckSize(document, "document");
            if (StrategyDocument.TryParse(document, out var parsed, out var diagnostics))
            {
                return new StrategyValidation(true, View(null, parsed), 0, []);
            }

            var errors = diagnostics.Select(d => new StrategyDiagnosticView(d.Field, d.Line, d.Column, d.Message, d.Hint)).ToList();
            return new StrategyValidation(false, null, errors.Count, errors);
        }, ServerJsonContext.Default.StrategyValidation);

    [McpServerTool(Name = "run_backtest", Title = "Run a backtest", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(BacktestAnswer))]
    [Description("Backtests a strategy (builtin:NAME, an inline strategy-language document, or a C# strategy of a configured assembly) on the symbol's history (the market store, else "
        + "the demo market). mode compat (default): backtesting.py's execution and statistics (keys as `mtmcp backtest --json`: return_pct, "
        + "sharpe_ratio, max_drawdown_pct, …; null where undefined), sizes in units, open trades closed at the end unless finalize is false. "
        + "mode native: the MT5 engine (bid/ask fills, lots, margin) with the MT5 tester report fields and the deals. Trades are paginated.")]
    public ValueTask<CallToolResult> RunBacktest(
        RequestContext<CallToolRequestParams> context,
        [Description(StrategyReferences.Description)] string? strategy = null,
        [Description("An inline strategy document (JSON text) instead of strategy.")] string? document = null,
        [Description("Symbol; default: the strategy's first symbol.")] string? symbol = null,
        [Description("Bar timeframe (M1 … MN1); default: the strategy's timeframe, else H1.")] string? timeframe = null,
        [Description("First bar time, ISO-8601 UTC.")] string? from = null,
        [Description("Last bar time, ISO-8601 UTC; default: now.")] string? to = null,
        [Description("Most recent bars of the range to test, 2 to 100000, default 1000.")] int? bars = null,
        [Description("Strategy parameter values by name, e.g. {\"fast\": 10, \"slow\": 30}; others keep their defaults.")] Dictionary<string, double>? parameters = null,
        [Description("compat (backtesting.py semantics, default) or native (MT5 engine).")] string? mode = null,
        [Description("native only: open_prices (default), m1_ohlc (O, H/L, L/H, C of each bar) or generated_ticks (MT5's every-tick generation inside each bar; give M1 bars for MT5's \"every tick\").")] string? model = null,
        [Description("Starting cash (compat) or deposit in USD (native), default 10000.")] double? cash = null,
        [Description("compat only: relative commission per fill, e.g. 0.002.")] double? commission = null,
        [Description("compat only: relative spread on entry prices, e.g. 0.0002.")] double? spread = null,
        [Description("compat only: margin ratio (1 / leverage) in (0, 1], default 1.")] double? margin = null,
        [Description("compat only: close open trades at the end so they count (default true).")] bool? finalize = null,
        [Description("native only: account leverage 1:N, default 100.")] int? leverage = null,
        [Description("First trade (or deal) of the page, default 0.")] int? trades_offset = null,
        [Description("Most trades (or deals) in the page, 0 to 1000, default 100.")] int? trades_limit = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("run_backtest", async () =>
        {
            // Awaited, so every progress notification is on the wire before the result (a fire-and-forget report
            // may land after it, when the client no longer listens).
            async ValueTask Report(float done, string message)
            {
                if (context.Params?.ProgressToken is { } token)
                {
                    await context.Server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = done, Total = 3, Message = message }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            var request = Request(strategy, document, symbol, timeframe, from, to, bars, parameters, mode);
            var offset = Args.Count(trades_offset, 0, 0, int.MaxValue, "trades_offset");
            var limit = Args.Count(trades_limit, DefaultTrades, 0, MaxTrades, "trades_limit");

            await Report(0, $"loading {request.Spec.Name} {request.Timeframe} bars").ConfigureAwait(false);
            var input = Load(request);
            cancellationToken.ThrowIfCancellationRequested();
            await Report(1, string.Create(CultureInfo.InvariantCulture, $"running {input.Reference} on {input.Data.Length} bars ({(input.Native ? "native" : "compat")})")).ConfigureAwait(false);
            var answer = input.Native
                ? Native(input, RunNative(input, model, cash, leverage, (commission, spread, margin, finalize)), offset, limit)
                : Compat(input, RunCompat(input, cash, commission, spread, margin, finalize, (model, leverage)), offset, limit);
            await Report(3, "done").ConfigureAwait(false);
            return answer;
        }, ServerJsonContext.Default.BacktestAnswer);

    /// <summary>run_backtest's strategy, symbol, timeframe, range and parameter arguments, checked; <see cref="Load"/> reads the bars.</summary>
    internal BacktestRequest Request(
        string? strategy, string? document, string? symbol, string? timeframe, string? from, string? to, int? bars, Dictionary<string, double>? parameters, string? mode)
    {
        var resolved = StrategyReferences.Resolve(settings, strategy, document);
        var native = (mode ?? "compat").Trim().ToLowerInvariant() switch
        {
            "compat" or "backtesting.py" => false,
            "native" => true,
            _ => throw ToolErrorException.InvalidArgument("mode", "mode must be compat or native."),
        };
        var spec = Args.Symbol(settings.Catalog, symbol ?? (resolved.Symbols.Count > 0 ? resolved.Symbols[0] : null)
            ?? throw ToolErrorException.InvalidArgument("symbol", $"Strategy {resolved.Reference} names no symbol: give symbol."));
        var tf = timeframe is null ? resolved.Timeframe ?? Timeframe.H1 : Args.Timeframe(timeframe);
        var start = Args.Time(from, "from");
        var end = Args.Time(to, "to");
        Args.Ordered(start, end);
        var count = Args.Count(bars, DefaultBars, 2, MaxBars, "bars");
        return new BacktestRequest(resolved, native, spec, tf, start, end, count, Parameters(resolved, parameters));
    }

    /// <summary>Reads the bars of a <see cref="Request"/>.</summary>
    internal BacktestInputs Load(BacktestRequest request)
    {
        var (data, source) = history.GetBars(request.Spec, request.Timeframe, request.Start, request.End, request.Count);
        if (data.Length < 2)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData,
                $"There are {data.Length} {request.Timeframe} bars of {request.Spec.Name} in the range; a backtest needs at least 2.", Retryable: false));
        }

        return new BacktestInputs(request.Strategy, request.Native, request.Spec, request.Timeframe, source, data, request.Values);
    }

    /// <summary>Runs a backtesting.py-compatible backtest with run_backtest's compat arguments.</summary>
    internal static BacktestResult RunCompat(
        BacktestInputs input, double? cash, double? commission, double? spread, double? margin, bool? finalize, (string? Model, int? Leverage) nativeOnly)
    {
        NotFor("compat", ("model", nativeOnly.Model is not null), ("leverage", nativeOnly.Leverage is not null));
        var options = new CompatOptions
        {
            Cash = cash ?? 10_000,
            CommissionRelative = commission ?? 0,
            Spread = spread ?? 0,
            Margin = margin ?? 1,
            FinalizeTrades = finalize ?? true,
        };
        return Guard(() => CompatBacktest.Run(input.Data, input.Strategy.Create(), input.Values, Checked(options)));
    }

    private static BacktestAnswer Compat(BacktestInputs input, BacktestResult run, int offset, int limit)
    {
        var (data, tf) = (input.Data, input.Timeframe);
        var statistics = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in run.Statistics.ToPairs())
        {
            statistics[key] = key is "start" or "end" ? Element(Args.FormatSeconds((long)value)) : Element(value);
        }

        var all = run.Trades.Select(t => Trade(t, open: false)).Concat(run.OpenTrades.Select(t => Trade(t, open: true))).ToList();
        var page = all.Skip(offset).Take(limit).ToList();
        return new BacktestAnswer(input.Reference, "compat", null, input.Spec.Name, tf.ToString(), MarketTools.SourceName(input.Source), data.Length,
            Args.FormatSeconds(data[0].Time), Args.FormatSeconds(data[^1].Time), input.Values.Values, statistics, all.Count, offset, page, [],
            Next(offset, page.Count, all.Count));
    }

    /// <summary>Runs a native (MT5 engine) backtest with run_backtest's native arguments.</summary>
    internal NativeResult RunNative(
        BacktestInputs input, string? model, double? cash, int? leverage, (double? Commission, double? Spread, double? Margin, bool? Finalize) compatOnly)
    {
        NotFor("native", ("commission", compatOnly.Commission is not null), ("spread", compatOnly.Spread is not null),
            ("margin", compatOnly.Margin is not null), ("finalize", compatOnly.Finalize is not null));
        var kind = (model ?? "open_prices").Trim().ToLowerInvariant() switch
        {
            "open_prices" => NativeModel.OpenPrices,
            "m1_ohlc" => NativeModel.M1Ohlc,
            "generated_ticks" => NativeModel.GeneratedTicks,
            _ => throw ToolErrorException.InvalidArgument("model", "model must be open_prices, m1_ohlc or generated_ticks (real ticks are not served here)."),
        };
        var deposit = cash ?? 10_000;
        if (!double.IsFinite(deposit) || deposit <= 0 || deposit > 1e12)
        {
            throw ToolErrorException.InvalidArgument("cash", "cash must be a positive amount.");
        }

        var lev = leverage ?? 100;
        if (lev is < 1 or > 5000)
        {
            throw ToolErrorException.InvalidArgument("leverage", "leverage must be 1 to 5000.");
        }

        var options = new NativeOptions { Symbol = input.Spec.Name, Catalog = settings.Catalog, Deposit = decimal.Round((decimal)deposit, 2), Leverage = lev };
        return Guard(() => NativeBacktest.RunBars(input.Data, input.Timeframe, kind, input.Strategy.Create(), input.Values, options));
    }

    private static BacktestAnswer Native(BacktestInputs input, NativeResult run, int offset, int limit)
    {
        var data = input.Data;
        var r = run.Report;
        var statistics = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["initial_deposit"] = Element((double)r.InitialDeposit),
            ["final_balance"] = Element((double)run.FinalBalance),
            ["total_net_profit"] = Element((double)r.TotalNetProfit),
            ["gross_profit"] = Element((double)r.GrossProfit),
            ["gross_loss"] = Element((double)r.GrossLoss),
            ["profit_factor"] = Element(r.ProfitFactor),
            ["expected_payoff"] = Element(r.ExpectedPayoff),
            ["total_trades"] = Element(r.TotalTrades),
            ["total_deals"] = Element(r.TotalDeals),
            ["short_trades"] = Element(r.ShortTrades.Count),
            ["short_trades_won_pct"] = Element(r.ShortTrades.WonPct),
            ["long_trades"] = Element(r.LongTrades.Count),
            ["long_trades_won_pct"] = Element(r.LongTrades.WonPct),
            ["largest_profit_trade"] = Element((double)r.LargestProfitTrade),
            ["largest_loss_trade"] = Element((double)r.LargestLossTrade),
            ["max_consecutive_wins"] = Element(r.MaxConsecutiveWins.Count),
            ["max_consecutive_wins_money"] = Element((double)r.MaxConsecutiveWins.Money),
            ["max_consecutive_losses"] = Element(r.MaxConsecutiveLosses.Count),
            ["max_consecutive_losses_money"] = Element((double)r.MaxConsecutiveLosses.Money),
            ["balance_drawdown_absolute"] = Element((double)r.BalanceDrawdownAbsolute),
            ["balance_drawdown_maximal"] = Element((double)r.BalanceDrawdownMaximal.Money),
            ["balance_drawdown_maximal_pct"] = Element(r.BalanceDrawdownMaximal.Pct),
            ["balance_drawdown_relative_pct"] = Element(r.BalanceDrawdownRelative.Pct),
            ["balance_drawdown_relative"] = Element((double)r.BalanceDrawdownRelative.Money),
            ["equity_drawdown_maximal"] = Element(r.EquityDrawdownMaximal.Money),
            ["equity_drawdown_maximal_pct"] = Element(r.EquityDrawdownMaximal.Pct),
            ["rejections"] = Element(run.Rejections.Count),
        };
        var page = run.Deals.Skip(offset).Take(limit).Select(TradingMap.Deal).ToList();
        return new BacktestAnswer(input.Reference, "native", TradingMap.Name(run.Model), input.Spec.Name, input.Timeframe.ToString(), MarketTools.SourceName(input.Source), data.Length,
            Args.FormatSeconds(data[0].Time), Args.FormatSeconds(data[^1].Time), input.Values.Values, statistics, run.Deals.Count, offset, [], page,
            Next(offset, page.Count, run.Deals.Count));
    }

    private static StrategyParameters Parameters(ResolvedStrategy strategy, Dictionary<string, double>? given)
    {
        var values = new StrategyParameters();
        if (strategy.Document is not { } doc)
        {
            // A C# strategy declares no ranges: it reads its values in Init, and an unread name fails the run.
            foreach (var (name, value) in given ?? [])
            {
                values.Set(name, double.IsFinite(value) ? value : throw ToolErrorException.InvalidArgument("parameters", $"Parameter {UntrustedText.Clean(name, 32)} must be a finite number."));
            }

            return values;
        }

        foreach (var (name, value) in given ?? [])
        {
            var declared = doc.Parameter(name) ?? throw ToolErrorException.InvalidArgument("parameters",
                $"Strategy {doc.Name} has no parameter '{UntrustedText.Clean(name, 32)}'; it has: {string.Join(", ", doc.Parameters.Select(p => p.Name))}.");
            if (!double.IsFinite(value) || value < declared.Min || value > declared.Max)
            {
                throw ToolErrorException.InvalidArgument("parameters", string.Create(CultureInfo.InvariantCulture,
                    $"Parameter {declared.Name} = {value} is outside its range [{declared.Min}, {declared.Max}]."));
            }

            values.Set(declared.Name, value);
        }

        return values;
    }

    private static T Guard<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (ArgumentException error)
        {
            // Strategy errors (StrategyException) and bad settings name what was wrong; nothing ran to completion.
            throw ToolErrorException.InvalidArgument("parameters", error.Message);
        }
    }

    private static CompatOptions Checked(CompatOptions options)
    {
        try
        {
            options.Validate();
            return options;
        }
        catch (ArgumentOutOfRangeException error)
        {
            var argument = error.ParamName switch
            {
                nameof(CompatOptions.Cash) => "cash",
                nameof(CompatOptions.Spread) => "spread",
                nameof(CompatOptions.Margin) => "margin",
                _ => "commission",
            };
            throw ToolErrorException.InvalidArgument(argument, error.Message);
        }
    }

    private static void NotFor(string mode, params (string Argument, bool Given)[] arguments)
    {
        foreach (var (argument, given) in arguments)
        {
            if (given)
            {
                throw ToolErrorException.InvalidArgument(argument, $"{argument} does not apply to mode {mode}.");
            }
        }
    }

    private static StrategyView View(string? reference, StrategyDocument d) => new(
        reference ?? d.Name, d.Name, d.Description, d.Symbols, d.Timeframe?.ToString(),
        [.. d.Parameters.Select(p => new StrategyParameterView(p.Name, p.Default, p.Min, p.Max, p.Step, p.Description))]);

    private static BacktestTrade Trade(TradeRecord t, bool open) => new(
        t.Size, Args.FormatSeconds(t.EntryTime), open ? null : Args.FormatSeconds(t.ExitTime), t.EntryPrice, Finite(t.ExitPrice), Finite(t.StopLoss),
        Finite(t.TakeProfit), t.Profit, t.ReturnPct, t.Commission, t.Tag, open);

    private static int? Next(int offset, int count, int total) => offset + count < total && count > 0 ? offset + count : null;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static JsonElement Element(double value) => double.IsFinite(value) ? JsonSerializer.SerializeToElement(value, ServerJsonContext.Default.Double) : s_null;

    internal static JsonElement Element(string value) => JsonSerializer.SerializeToElement(value, ServerJsonContext.Default.String);
}
