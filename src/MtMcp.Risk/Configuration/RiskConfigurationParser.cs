using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace MtMcp.Risk;

/// <summary>
/// Applies the JSON sections onto <see cref="RiskLimits"/> layer by layer (defaults, global, account), collecting every
/// problem with its path instead of stopping at the first.
/// </summary>
internal sealed class RiskConfigurationParser
{
    private const string RiskSection = "risk_management";
    private const string ComplianceSection = "compliance";
    private const string PositionSection = "position_limits";

    private readonly List<RiskConfigurationError> _errors = [];

    public IReadOnlyList<RiskConfigurationError> Errors => _errors;

    public (RiskLimits Global, Dictionary<string, RiskLimits> Accounts) Parse(JsonElement root)
    {
        var accounts = new Dictionary<string, RiskLimits>(StringComparer.OrdinalIgnoreCase);
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", $"the configuration must be a JSON object, not {Kind(root)}");
            return (new RiskLimits(), accounts);
        }

        var global = new RiskLimits();
        JsonElement? accountsElement = null;
        if (root.TryGetProperty(ComplianceSection, out var compliance))
        {
            global = ApplyCompliance(global, compliance, "$." + ComplianceSection);
        }

        if (root.TryGetProperty(PositionSection, out var positions))
        {
            global = ApplyPositionLimits(global, positions, "$." + PositionSection);
        }

        if (root.TryGetProperty(RiskSection, out var risk))
        {
            global = ApplyRisk(global, risk, "$." + RiskSection, allowNested: false, out accountsElement);
        }

        if (accountsElement is { } list)
        {
            var path = "$." + RiskSection + ".accounts";
            if (list.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"must be an object of account name to overrides, not {Kind(list)}");
            }
            else
            {
                foreach (var account in list.EnumerateObject())
                {
                    var accountPath = path + "." + account.Name;
                    if (string.IsNullOrWhiteSpace(account.Name))
                    {
                        Error(accountPath, "an account name must not be empty");
                        continue;
                    }

                    // An account layer holds risk_management keys plus its own compliance and position_limits objects.
                    var limits = global;
                    if (account.Value.ValueKind == JsonValueKind.Object)
                    {
                        if (account.Value.TryGetProperty(ComplianceSection, out var c))
                        {
                            limits = ApplyCompliance(limits, c, accountPath + "." + ComplianceSection);
                        }

                        if (account.Value.TryGetProperty(PositionSection, out var p))
                        {
                            limits = ApplyPositionLimits(limits, p, accountPath + "." + PositionSection);
                        }
                    }

                    limits = ApplyRisk(limits, account.Value, accountPath, allowNested: true, out _);
                    if (!accounts.TryAdd(account.Name, limits))
                    {
                        Error(accountPath, "the account is listed twice (names are case-insensitive)");
                    }
                }
            }
        }

        return (global, accounts);
    }

    private RiskLimits ApplyRisk(RiskLimits limits, JsonElement section, string path, bool allowNested, out JsonElement? accounts)
    {
        accounts = null;
        if (!IsObject(section, path))
        {
            return limits;
        }

        foreach (var property in section.EnumerateObject())
        {
            var p = path + "." + property.Name;
            var v = property.Value;
            switch (property.Name)
            {
                case "trading_mode":
                    limits = Enum(v, p, ("full", TradingMode.Full), ("close_only", TradingMode.CloseOnly), ("disabled", TradingMode.Disabled)) is { } mode ? limits with { TradingMode = mode } : limits;
                    break;
                case "max_drawdown_percent":
                    limits = Number(v, p, 0, 100) is { } dd ? limits with { MaxDrawdownPercent = dd } : limits;
                    break;
                case "max_daily_loss_percent":
                    limits = Number(v, p, 0, 100) is { } daily ? limits with { MaxDailyLossPercent = daily } : limits;
                    break;
                case "daily_loss_reference":
                    limits = Enum(v, p, ("equity", DailyLossReference.Equity), ("max_balance_equity", DailyLossReference.MaxBalanceEquity)) is { } reference
                        ? limits with { DailyLossReference = reference }
                        : limits;
                    break;
                case "day_boundary":
                    limits = Enum(v, p, ("server", DayBoundary.Server), ("utc", DayBoundary.Utc)) is { } boundary ? limits with { DayBoundary = boundary } : limits;
                    break;
                case "flatten_on_breach":
                    limits = Bool(v, p) is { } flatten ? limits with { FlattenOnBreach = flatten } : limits;
                    break;
                case "position_size_percent":
                    limits = Number(v, p, 0, 100_000) is { } size ? limits with { PositionSizePercent = size } : limits;
                    break;
                case "correlation_limit":
                    limits = Number(v, p, 0, 1) is { } correlation ? limits with { CorrelationLimit = correlation } : limits;
                    break;
                case "correlation_action":
                    limits = Enum(v, p, ("refuse", CorrelationAction.Refuse), ("reduce", CorrelationAction.Reduce)) is { } action ? limits with { CorrelationAction = action } : limits;
                    break;
                case "require_stop_loss":
                    limits = Bool(v, p) is { } sl ? limits with { RequireStopLoss = sl } : limits;
                    break;
                case "price_collar_percent":
                    limits = Number(v, p, 0, 100) is { } collar ? limits with { PriceCollarPercent = collar } : limits;
                    break;
                case "max_orders_per_minute":
                    limits = Integer(v, p, 0, 1_000_000) is { } perMinute ? limits with { MaxOrdersPerMinute = perMinute } : limits;
                    break;
                case "max_orders_per_day":
                    limits = Integer(v, p, 0, 100_000_000) is { } perDay ? limits with { MaxOrdersPerDay = perDay } : limits;
                    break;
                case "repeated_execution":
                    limits = ApplyRepeatedExecution(limits, v, p);
                    break;
                case "allowed_symbols":
                    limits = Names(v, p) is { } allowed ? limits with { AllowedSymbols = allowed } : limits;
                    break;
                case "denied_symbols":
                    limits = Names(v, p) is { } denied ? limits with { DeniedSymbols = denied } : limits;
                    break;
                case "accounts" when !allowNested:
                    accounts = v;
                    break;
                case ComplianceSection or PositionSection when allowNested:
                    break; // applied by the caller before the risk keys
                default:
                    Error(p, "unknown key; the risk_management keys are trading_mode, max_drawdown_percent, max_daily_loss_percent, daily_loss_reference, day_boundary, "
                        + "flatten_on_breach, position_size_percent, correlation_limit, correlation_action, require_stop_loss, price_collar_percent, max_orders_per_minute, "
                        + "max_orders_per_day, repeated_execution, allowed_symbols, denied_symbols" + (allowNested ? ", compliance, position_limits" : ", accounts"));
                    break;
            }
        }

        return limits;
    }

    private RiskLimits ApplyRepeatedExecution(RiskLimits limits, JsonElement section, string path)
    {
        if (!IsObject(section, path))
        {
            return limits;
        }

        foreach (var property in section.EnumerateObject())
        {
            var p = path + "." + property.Name;
            limits = property.Name switch
            {
                "count" => Integer(property.Value, p, 0, 1_000_000) is { } count ? limits with { RepeatedExecutionCount = count } : limits,
                "window_seconds" => Number(property.Value, p, 0, 86_400) is { } window ? limits with { RepeatedExecutionWindowSeconds = window } : limits,
                _ => Unknown(limits, p, "count, window_seconds"),
            };
        }

        return limits;
    }

    private RiskLimits ApplyCompliance(RiskLimits limits, JsonElement section, string path)
    {
        if (!IsObject(section, path))
        {
            return limits;
        }

        // The profile first: it resets the caps to its preset, which leverage_limits then overrides.
        if (section.TryGetProperty("profile", out var profileElement)
            && Enum(profileElement, path + ".profile", ("EU_RETAIL", ComplianceProfile.EuRetail), ("US_RETAIL_FX", ComplianceProfile.UsRetailFx), ("PROFESSIONAL", ComplianceProfile.Professional)) is { } profile)
        {
            limits = limits with { Profile = profile, Leverage = LeverageCaps.For(profile) };
        }

        foreach (var property in section.EnumerateObject())
        {
            var p = path + "." + property.Name;
            switch (property.Name)
            {
                case "profile":
                    break;
                case "leverage_limits":
                    limits = ApplyLeverage(limits, property.Value, p);
                    break;
                default:
                    Error(p, "unknown key; the compliance keys are profile, leverage_limits");
                    break;
            }
        }

        return limits;
    }

    private RiskLimits ApplyLeverage(RiskLimits limits, JsonElement section, string path)
    {
        if (!IsObject(section, path))
        {
            return limits;
        }

        var caps = limits.Leverage;
        foreach (var property in section.EnumerateObject())
        {
            var p = path + "." + property.Name;
            if (!IsLeverageKey(property.Name))
            {
                Error(p, "unknown key; the leverage classes are " + LeverageKeys);
            }
            else if (Integer(property.Value, p, 0, 10_000) is { } cap)
            {
                caps = property.Name switch
                {
                    "forex_major" => caps with { ForexMajor = cap },
                    "forex_minor" => caps with { ForexMinor = cap },
                    "gold" => caps with { Gold = cap },
                    "indices_major" => caps with { IndicesMajor = cap },
                    "indices_minor" => caps with { IndicesMinor = cap },
                    "commodities" => caps with { Commodities = cap },
                    "equities" => caps with { Equities = cap },
                    _ => caps with { Crypto = cap },
                };
            }
        }

        return limits with { Leverage = caps };
    }

    private const string LeverageKeys = "forex_major, forex_minor, gold, indices_major, indices_minor, commodities, equities, crypto (N of N:1, 0 = no cap)";

    private static bool IsLeverageKey(string name) => name is "forex_major" or "forex_minor" or "gold" or "indices_major" or "indices_minor" or "commodities" or "equities" or "crypto";

    private RiskLimits ApplyPositionLimits(RiskLimits limits, JsonElement section, string path)
    {
        if (!IsObject(section, path))
        {
            return limits;
        }

        foreach (var property in section.EnumerateObject())
        {
            var p = path + "." + property.Name;
            var v = property.Value;
            limits = property.Name switch
            {
                "max_order_volume" => Lots(v, p) is { } volume ? limits with { MaxOrderVolume = volume } : limits,
                "max_order_notional" => Number(v, p, 0, double.MaxValue) is { } notional ? limits with { MaxOrderNotional = notional } : limits,
                "max_open_positions" => Integer(v, p, 0, 1_000_000) is { } positions ? limits with { MaxOpenPositions = positions } : limits,
                "max_pending_orders" => Integer(v, p, 0, 1_000_000) is { } pending ? limits with { MaxPendingOrders = pending } : limits,
                "symbols" => ApplySymbols(limits, v, p),
                _ => Unknown(limits, p, "max_order_volume, max_order_notional, max_open_positions, max_pending_orders, symbols"),
            };
        }

        return limits;
    }

    private RiskLimits ApplySymbols(RiskLimits limits, JsonElement section, string path)
    {
        if (!IsObject(section, path))
        {
            return limits;
        }

        // An account's symbol entries replace the global entry of the same symbol and keep the others.
        var symbols = new Dictionary<string, SymbolLimits>(limits.Symbols, StringComparer.OrdinalIgnoreCase);
        foreach (var symbol in section.EnumerateObject())
        {
            var symbolPath = path + "." + symbol.Name;
            if (!IsObject(symbol.Value, symbolPath))
            {
                continue;
            }

            var entry = new SymbolLimits();
            foreach (var property in symbol.Value.EnumerateObject())
            {
                var p = symbolPath + "." + property.Name;
                switch (property.Name)
                {
                    case "max_order_volume":
                        entry = Lots(property.Value, p) is { } volume ? entry with { MaxOrderVolume = volume } : entry;
                        break;
                    case "max_order_notional":
                        entry = Number(property.Value, p, 0, double.MaxValue) is { } notional ? entry with { MaxOrderNotional = notional } : entry;
                        break;
                    case "max_position_volume":
                        entry = Lots(property.Value, p) is { } position ? entry with { MaxPositionVolume = position } : entry;
                        break;
                    default:
                        Error(p, "unknown key; a symbol's limits are max_order_volume, max_order_notional, max_position_volume");
                        break;
                }
            }

            symbols[symbol.Name] = entry;
        }

        return limits with { Symbols = symbols.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) };
    }

    private RiskLimits Unknown(RiskLimits limits, string path, string allowed)
    {
        Error(path, "unknown key; allowed here: " + allowed);
        return limits;
    }

    private bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, $"must be an object, not {Kind(element)}");
        return false;
    }

    private double? Number(JsonElement element, string path, double min, double max)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            Error(path, $"must be a number, not {Kind(element)}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(path, string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {min}..{(max == double.MaxValue ? "∞" : max.ToString(CultureInfo.InvariantCulture))}"));
            return null;
        }

        return value;
    }

    private int? Integer(JsonElement element, string path, int min, int max)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            Error(path, $"must be a whole number, not {Describe(element)}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(path, string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {min}..{max}"));
            return null;
        }

        return value;
    }

    private decimal? Lots(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value))
        {
            Error(path, $"must be a volume in lots, not {Describe(element)}");
            return null;
        }

        if (value < 0)
        {
            Error(path, string.Create(CultureInfo.InvariantCulture, $"{value} lots must not be negative (0 = no limit)"));
            return null;
        }

        return value;
    }

    private bool? Bool(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Error(path, $"must be true or false, not {Describe(element)}");
        return null;
    }

    private T? Enum<T>(JsonElement element, string path, params (string Name, T Value)[] values)
        where T : struct
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString();
            foreach (var (name, value) in values)
            {
                if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        Error(path, $"{Describe(element)} is not allowed; use one of {string.Join(", ", values.Select(v => v.Name))}");
        return null;
    }

    private FrozenSet<string>? Names(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"must be a list of symbol names, not {Kind(element)}");
            return null;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                names.Add(item.GetString()!.Trim());
            }
            else
            {
                Error(string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), $"must be a symbol name, not {Describe(item)}");
            }

            index++;
        }

        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private void Error(string path, string message) => _errors.Add(new RiskConfigurationError(path, message));

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Describe(JsonElement element) => element.ValueKind is JsonValueKind.String or JsonValueKind.Number
        ? element.GetRawText()
        : Kind(element);
}
