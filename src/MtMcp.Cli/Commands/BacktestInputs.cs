using System.CommandLine;
using System.Globalization;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Cli.Commands;

/// <summary>
/// The inputs every backtesting command shares (<c>optimize</c>, <c>walk-forward</c>): the strategy, the bars (a file or
/// the store, a time range) and the backtesting.py-compatible settings.
/// </summary>
internal sealed class BacktestInputs
{
    private readonly Option<string> _strategy = new("--strategy", "-s")
    {
        Description = "Strategy: a strategy-language FILE, builtin:NAME (sma_cross, ema_cross, rsi_mean_reversion, bollinger_breakout, donchian_turtle, macd_trend, supertrend) or PATH.dll:Namespace.Type.",
        Required = true,
    };

    private readonly Option<string?> _data = new("--data") { Description = "Read bars (or ticks, with --timeframe) from this file instead of the store." };
    private readonly Option<string?> _symbol = new("--symbol") { Description = "Symbol in the store (or of the --data file)." };
    private readonly Option<string?> _timeframe = new("--timeframe", "-t") { Description = "Timeframe of the bars (resampled from the file's when longer)." };
    private readonly Option<string?> _from = new("--from") { Description = "First bar time, UTC: 2024-03-01 or 2024-03-01T12:00:00Z." };
    private readonly Option<string?> _to = new("--to") { Description = "Last bar time, UTC (a date alone means the end of that day)." };
    private readonly Option<double> _cash = new("--cash") { Description = "Starting cash.", DefaultValueFactory = _ => 10_000, CustomParser = InvariantNumbers.Double };
    private readonly Option<double> _commission = new("--commission") { Description = "Relative commission per fill, e.g. 0.002.", CustomParser = InvariantNumbers.Double };
    private readonly Option<double> _spread = new("--spread") { Description = "Relative spread on entry prices, e.g. 0.0002.", CustomParser = InvariantNumbers.Double };
    private readonly Option<double> _margin = new("--margin") { Description = "Margin ratio (1 / leverage), in (0, 1].", DefaultValueFactory = _ => 1, CustomParser = InvariantNumbers.Double };
    private readonly Option<bool> _noFinalize = new("--no-finalize") { Description = "Keep trades open at the end (they then count in no trade statistic)." };
    private readonly Option<bool> _tradeOnClose = new("--trade-on-close") { Description = "Fill market orders at the close of the signal bar instead of the next open." };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_strategy, _data, _symbol, _timeframe, _from, _to, _cash, _commission, _spread, _margin, _noFinalize, _tradeOnClose])
        {
            command.Options.Add(option);
        }
    }

    public string StrategyReference(ParseResult result) => result.GetValue(_strategy)!;

    /// <summary>The bars of --data or --symbol, resampled to --timeframe and cut to --from/--to.</summary>
    public (Bar[] Bars, Timeframe Timeframe) LoadBars(ParseResult result, GlobalOptions globals)
    {
        var catalog = globals.LoadCatalog(result);
        var (bars, tf) = IndicatorCommand.LoadBars(result, globals, catalog, result.GetValue(_data), result.GetValue(_symbol), result.GetValue(_timeframe));
        return (Slice(bars, ParseTime(result.GetValue(_from), "--from", endOfDay: false), ParseTime(result.GetValue(_to), "--to", endOfDay: true)), tf);
    }

    /// <summary>The backtesting.py-compatible settings.</summary>
    public CompatOptions CompatOptions(ParseResult result) => new()
    {
        Cash = result.GetValue(_cash),
        CommissionRelative = result.GetValue(_commission),
        Spread = result.GetValue(_spread),
        Margin = result.GetValue(_margin),
        FinalizeTrades = !result.GetValue(_noFinalize),
        TradeOnClose = result.GetValue(_tradeOnClose),
    };

    /// <summary>
    /// The strategy's declared parameters (none for a C# strategy) and a factory of fresh instances; a document is read
    /// once, not once per pass.
    /// </summary>
    public static (IReadOnlyList<ParameterLimits> Declared, Func<IStrategy> Factory) Strategy(string reference)
    {
        try
        {
            if (StrategyAssembly.IsReference(reference))
            {
                var (path, type) = StrategyAssembly.Parse(reference);
                return ([], StrategyAssembly.Factory(path, type));
            }

            var document = StrategyResolver.Load(reference);
            return ([.. document.Parameters.Select(p => new ParameterLimits(p.Name, p.Default, p.Min, p.Max, p.Step))], () => new LanguageStrategy(document));
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException(error.Message);
        }
    }

    public static Bar[] Slice(Bar[] bars, DateTimeOffset? from, DateTimeOffset? to)
    {
        var first = from is { } f ? Array.FindIndex(bars, b => b.OpenTime >= f) : 0;
        var last = to is { } t ? Array.FindLastIndex(bars, b => b.OpenTime <= t) : bars.Length - 1;
        return first < 0 || last < first
            ? throw new UserErrorException("No bars in the --from/--to range.")
            : bars[first..(last + 1)];
    }

    public static DateTimeOffset? ParseTime(string? text, string option, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new UserErrorException($"{option} '{text}' is not a time: write 2024-03-01 or 2024-03-01T12:00:00Z (UTC).");
        }

        return endOfDay && text.Length == 10 ? time.AddDays(1).AddTicks(-1) : time;
    }
}
