using System.Globalization;
using System.Text.Json;

namespace MtMcp.Strategies;

/// <summary>
/// A checked strategy document (docs/strategy-language.md): metadata, declared parameters, and the rule expressions,
/// parsed and type-checked. Create with <see cref="Parse"/> or <see cref="TryParse"/>; run it with
/// <see cref="LanguageStrategy"/>.
/// </summary>
/// <remarks>Immutable; one document may back any number of strategy instances.</remarks>
public sealed class StrategyDocument
{
    private readonly SourceMap _map;
    private readonly Dictionary<string, StrategyParameterSpec> _byName;

    private StrategyDocument(SourceMap map, string name, string? description, IReadOnlyList<string> symbols, Timeframe? timeframe,
        IReadOnlyList<StrategyParameterSpec> parameters)
    {
        _map = map;
        Name = name;
        Description = description;
        Symbols = symbols;
        Timeframe = timeframe;
        Parameters = parameters;
        _byName = parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The strategy's name.</summary>
    public string Name { get; }

    /// <summary>What it does, or null.</summary>
    public string? Description { get; }

    /// <summary>The symbols it is meant for (may be empty: any).</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The timeframe of its bars, or null when it runs on whatever bars it is given.</summary>
    public Timeframe? Timeframe { get; }

    /// <summary>The declared parameters, in document order.</summary>
    public IReadOnlyList<StrategyParameterSpec> Parameters { get; }

    /// <summary>How <c>size</c> is read.</summary>
    public SizeMode SizeMode { get; private set; }

    /// <summary>Units per lot for <see cref="SizeMode.Lots"/>.</summary>
    public double ContractSize { get; private set; } = 100_000;

    internal IReadOnlyList<RuleSource> Rules { get; private set; } = [];

    internal Session? Session { get; private set; }

    /// <summary>Parses and checks <paramref name="json"/>.</summary>
    /// <exception cref="StrategyException">The document is invalid; the diagnostics carry line, column and a hint.</exception>
    public static StrategyDocument Parse(string json) =>
        TryParse(json, out var document, out var diagnostics) ? document : throw new StrategyException(diagnostics);

    /// <summary>Parses and checks <paramref name="json"/>; false with positioned <paramref name="diagnostics"/> when invalid.</summary>
    public static bool TryParse(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StrategyDocument? document, out IReadOnlyList<StrategyDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<StrategyDiagnostic>();
        document = Load(json, errors);
        // Rules that parsed are checked even when others did not, so one run reports every error.
        if (document is not null)
        {
            Compiler.Compile(document, document.Defaults(), errors);
        }

        errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        diagnostics = errors;
        if (errors.Count > 0 || document is null)
        {
            document = null;
            return false;
        }

        return true;
    }

    /// <summary>The declared parameter called <paramref name="name"/> (case-insensitive), or null.</summary>
    public StrategyParameterSpec? Parameter(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every parameter at its default.</summary>
    public IReadOnlyDictionary<string, double> Defaults() => Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.OrdinalIgnoreCase);

    internal StrategyDiagnostic Locate(string field, ExpressionException exception)
    {
        var (line, column) = _map.StringPosition(field, exception.Start);
        return new StrategyDiagnostic(field, line, column, exception.Message, exception.Hint);
    }

    private StrategyDiagnostic At(string field, string message, string? hint = null)
    {
        var (line, column) = _map.ValuePosition(field);
        return new StrategyDiagnostic(field, line, column, message, hint);
    }

    private static StrategyDocument? Load(string json, List<StrategyDiagnostic> errors)
    {
        var map = SourceMap.Build(SourceMap.Encode(json), errors);
        if (errors.Count > 0)
        {
            return null;
        }

        StrategyJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(map.Utf8, StrategyJsonContext.Default.StrategyJson);
        }
        catch (JsonException exception)
        {
            var path = (exception.Path ?? "$").TrimStart('$', '.');
            errors.Add(new StrategyDiagnostic(path, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1,
                $"'{path}' has the wrong type.", ExpectedType(path)));
            return null;
        }

        if (dto is null)
        {
            errors.Add(new StrategyDiagnostic(string.Empty, 1, 1, "The document is not a JSON object.", "Start with { \"name\": ..., \"long_entry\": ... }."));
            return null;
        }

        var name = dto.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new StrategyDiagnostic("name", 1, 1, "The strategy needs a \"name\".", null));
        }

        Timeframe? timeframe = null;
        if (dto.Timeframe is not null)
        {
            if (Timeframes.TryParse(dto.Timeframe, out var parsed))
            {
                timeframe = parsed;
            }
            else
            {
                var (line, column) = map.ValuePosition("timeframe");
                errors.Add(new StrategyDiagnostic("timeframe", line, column, $"Unknown timeframe '{dto.Timeframe}'.",
                    Suggest.Hint(dto.Timeframe, Timeframes.All.Select(t => t.Name())) ?? "Allowed: " + string.Join(", ", Timeframes.All) + "."));
            }
        }

        var symbols = new List<string>();
        if (dto.Symbol is not null)
        {
            symbols.Add(dto.Symbol);
        }

        symbols.AddRange(dto.Symbols ?? []);
        var document = new StrategyDocument(map, name ?? string.Empty, dto.Description, symbols, timeframe, ReadParameters(dto, map, errors));
        document.ReadRules(dto, errors);
        document.ReadSize(dto.Size, errors);
        document.Session = document.ReadSession(dto.Session, errors);
        return document;
    }

    private static List<StrategyParameterSpec> ReadParameters(StrategyJson dto, SourceMap map, List<StrategyDiagnostic> errors)
    {
        var parameters = new List<StrategyParameterSpec>();
        foreach (var (name, p) in dto.Parameters ?? [])
        {
            var path = "parameters." + name;
            var (line, column) = map.KeyPosition(path);
            if (!IsIdentifier(name))
            {
                errors.Add(new StrategyDiagnostic(path, line, column, $"Parameter name '{name}' is not a name.", "Use letters, digits and _ (not first)."));
                continue;
            }

            var lower = name.ToLowerInvariant();
            if (Compiler.Series.Contains(lower) || Compiler.Functions.Contains(lower) || lower is "true" or "false" or "and" or "or" or "not"
                || Indicators.IndicatorRegistry.TryGet(lower, out _))
            {
                errors.Add(new StrategyDiagnostic(path, line, column, $"Parameter name '{name}' is already a series, function or indicator name.", "Rename it (e.g. fast, slow, period)."));
                continue;
            }

            if (p.Default is not { } value)
            {
                errors.Add(new StrategyDiagnostic(path, line, column, $"Parameter '{name}' needs a \"default\".", "e.g. \"fast\": { \"default\": 10, \"min\": 5, \"max\": 50, \"step\": 5 }"));
                continue;
            }

            var min = p.Min ?? value;
            var max = p.Max ?? value;
            var step = p.Step ?? 0;
            if (!(min <= value && value <= max) || !(step >= 0) || !double.IsFinite(min) || !double.IsFinite(max))
            {
                errors.Add(new StrategyDiagnostic(path, line, column, string.Create(CultureInfo.InvariantCulture,
                    $"Parameter '{name}' needs min ≤ default ≤ max and step ≥ 0; it has min {min}, default {value}, max {max}, step {step}."), null));
                continue;
            }

            parameters.Add(new StrategyParameterSpec(name, value, min, max, step, p.Description));
        }

        return parameters;
    }

    private void ReadRules(StrategyJson dto, List<StrategyDiagnostic> errors)
    {
        var rules = new List<RuleSource>();
        void Add(string field, string? text)
        {
            if (text is null)
            {
                return;
            }

            try
            {
                rules.Add(new RuleSource(field, text, Parser.Parse(text)));
            }
            catch (ExpressionException exception)
            {
                errors.Add(Locate(field, exception));
            }
        }

        Add(RuleFields.LongEntry, dto.LongEntry);
        Add(RuleFields.LongExit, dto.LongExit);
        Add(RuleFields.ShortEntry, dto.ShortEntry);
        Add(RuleFields.ShortExit, dto.ShortExit);
        Add(RuleFields.StopLoss, dto.StopLoss);
        Add(RuleFields.TakeProfit, dto.TakeProfit);
        Add(RuleFields.TrailingStop, dto.TrailingStop);
        Add(RuleFields.Filter, dto.Filter);
        if (dto.Size is { } size)
        {
            switch (size.Value.ValueKind)
            {
                case JsonValueKind.String:
                    Add(RuleFields.Size, size.Value.GetString());
                    break;
                case JsonValueKind.Number:
                    Add(RuleFields.Size, size.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                    break;
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    break;
                default:
                    errors.Add(At(RuleFields.Size, "size.value must be a number or an expression string.", "e.g. \"value\": 0.5 or \"value\": \"risk\""));
                    break;
            }
        }

        if (dto.LongEntry is null && dto.ShortEntry is null)
        {
            errors.Add(new StrategyDiagnostic(RuleFields.LongEntry, 1, 1, "The strategy needs a long_entry or a short_entry rule.",
                "e.g. \"long_entry\": \"crossover(sma(close, 10), sma(close, 30))\""));
        }

        Rules = rules;
    }

    private void ReadSize(SizeJson? size, List<StrategyDiagnostic> errors)
    {
        if (size is null)
        {
            return;
        }

        SizeMode = (size.Mode ?? "margin").ToLowerInvariant() switch
        {
            "margin" => SizeMode.Margin,
            "units" => SizeMode.Units,
            "lots" => SizeMode.Lots,
            "equity_pct" => SizeMode.EquityPercent,
            "risk_pct" => SizeMode.RiskPercent,
            _ => Invalid(),
        };
        if (size.ContractSize is { } contract)
        {
            if (!(contract >= 1) || !double.IsFinite(contract))
            {
                errors.Add(At("size.contract_size", "contract_size must be a number ≥ 1 (units per lot).", "e.g. 100000 for forex"));
            }

            ContractSize = contract;
        }

        if (SizeMode == SizeMode.RiskPercent && !Rules.Any(r => r.Field == RuleFields.StopLoss))
        {
            errors.Add(At("size.mode", "Risk sizing (risk_pct) needs a stop_loss rule: the risk is the distance to the stop.", "Add \"stop_loss\": \"2 * atr(14)\"."));
        }

        SizeMode Invalid()
        {
            errors.Add(At("size.mode", $"Unknown size mode '{size.Mode}'.",
                Suggest.Hint(size.Mode!, ["margin", "units", "lots", "equity_pct", "risk_pct"]) ?? "Allowed: margin, units, lots, equity_pct, risk_pct."));
            return SizeMode.Margin;
        }
    }

    private Session? ReadSession(SessionJson? session, List<StrategyDiagnostic> errors)
    {
        if (session is null)
        {
            return null;
        }

        string[] days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
        var mask = session.Days is null ? 0x7F : 0;
        foreach (var day in session.Days ?? [])
        {
            var index = Array.IndexOf(days, day.Length >= 3 ? day[..3].ToLowerInvariant() : day);
            if (index < 0)
            {
                errors.Add(At("session.days", $"Unknown day '{day}'.", "Days: mon, tue, wed, thu, fri, sat, sun."));
                continue;
            }

            mask |= 1 << index;
        }

        return new Session(mask, Minute("session.start", session.Start, 0), Minute("session.end", session.End, 0), session.CloseOutside);

        int Minute(string field, string? text, int fallback)
        {
            if (text is null)
            {
                return fallback;
            }

            if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return (time.Hour * 60) + time.Minute;
            }

            errors.Add(At(field, $"'{text}' is not a time of day.", "Write HH:mm in UTC, e.g. \"08:00\"."));
            return fallback;
        }
    }

    private static string ExpectedType(string path) => path switch
    {
        "parameters" => "parameters is an object: { \"fast\": { \"default\": 10, \"min\": 5, \"max\": 50, \"step\": 1 } }.",
        "symbols" or "session.days" => $"{path} is a list of strings.",
        "size" => "size is an object: { \"mode\": \"margin\", \"value\": 1 }.",
        "session" => "session is an object: { \"days\": [\"mon\"], \"start\": \"08:00\", \"end\": \"17:00\" }.",
        "session.close_outside" => "close_outside is true or false.",
        _ when path.StartsWith("parameters.", StringComparison.Ordinal) => "Parameter fields default, min, max, step are numbers.",
        "size.contract_size" => "contract_size is a number.",
        _ => $"{path} is a string (rules are expressions in quotes).",
    };

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

/// <summary>One rule field: its name, its text and its syntax tree.</summary>
internal sealed record RuleSource(string Field, string Text, Expr Expression);
