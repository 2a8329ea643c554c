using System.Globalization;
using System.Text.Json;
using MtMcp.Domain;

namespace MtMcp.Data.Symbols;

/// <summary>
/// Applies the <c>symbols</c> section of a configuration file to a catalogue: each entry overrides the
/// fields it names on the symbol it is based on, or defines a new symbol.
/// </summary>
public static class SymbolConfiguration
{
    /// <summary>
    /// Reads the <c>symbols</c> array from the JSON configuration file at <paramref name="path"/> (if it has one)
    /// and returns <paramref name="catalog"/> with the overrides applied.
    /// </summary>
    /// <exception cref="InvalidDataException">The section is malformed; the message names the file, entry and field.</exception>
    public static SymbolCatalog Apply(SymbolCatalog catalog, string path)
    {
        using var stream = File.OpenRead(path);
        using var document = ParseDocument(stream, path);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("symbols", out var section))
        {
            return catalog;
        }

        return Apply(catalog, section, path);
    }

    /// <summary>Applies a parsed <c>symbols</c> array; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The section is malformed.</exception>
    public static SymbolCatalog Apply(SymbolCatalog catalog, JsonElement section, string source)
    {
        List<SymbolOverride> entries;
        try
        {
            entries = section.Deserialize(SymbolConfigJsonContext.Default.ListSymbolOverride) ?? [];
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{source}: symbols{error.Path?.TrimStart('$')}: {Explain(error)}", error);
        }

        var specs = new List<SymbolSpec>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            specs.Add(ToSpec(catalog, entries[i], $"{source}: symbols[{i}]"));
        }

        try
        {
            return catalog.WithOverrides(specs);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{source}: {error.Message}", error);
        }
    }

    private static SymbolSpec ToSpec(SymbolCatalog catalog, SymbolOverride entry, string where)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new InvalidDataException($"{where}: \"name\" is required.");
        }

        var baseName = entry.BasedOn ?? entry.Name;
        SymbolSpec spec;
        if (catalog.TryGet(baseName, out var existing))
        {
            spec = existing with { Name = entry.Name };
        }
        else if (entry.BasedOn is not null)
        {
            throw new InvalidDataException($"{where}: \"based_on\": no symbol '{entry.BasedOn}' in the catalogue.");
        }
        else
        {
            spec = NewSpec(entry, where);
        }

        return spec with
        {
            Description = entry.Description ?? spec.Description,
            Path = entry.Path ?? spec.Path,
            CurrencyBase = entry.CurrencyBase ?? spec.CurrencyBase,
            CurrencyProfit = entry.CurrencyProfit ?? spec.CurrencyProfit,
            CurrencyMargin = entry.CurrencyMargin ?? spec.CurrencyMargin,
            AssetClass = entry.AssetClass ?? spec.AssetClass,
            Digits = entry.Digits ?? spec.Digits,
            TickSize = entry.TickSize ?? (entry.Digits is { } digits ? PowersOfTen.Negative(digits) : spec.TickSize),
            TickPrice = entry.TickPrice ?? spec.TickPrice,
            Spread = entry.Spread ?? spec.Spread,
            ContractSize = entry.ContractSize ?? spec.ContractSize,
            CalcMode = entry.CalcMode ?? spec.CalcMode,
            VolumeMin = entry.VolumeMin ?? spec.VolumeMin,
            VolumeMax = entry.VolumeMax ?? spec.VolumeMax,
            VolumeStep = entry.VolumeStep ?? spec.VolumeStep,
            VolumeLimit = entry.VolumeLimit ?? spec.VolumeLimit,
            TradeMode = entry.TradeMode ?? spec.TradeMode,
            ExecutionMode = entry.ExecutionMode ?? spec.ExecutionMode,
            FillingFlags = entry.Filling is null ? spec.FillingFlags : ParseFilling(entry.Filling, where),
            StopsLevel = entry.StopsLevel ?? spec.StopsLevel,
            FreezeLevel = entry.FreezeLevel ?? spec.FreezeLevel,
            MarginInitial = entry.MarginInitial ?? spec.MarginInitial,
            MarginMaintenance = entry.MarginMaintenance ?? spec.MarginMaintenance,
            MarginHedged = entry.MarginHedged ?? spec.MarginHedged,
            SwapMode = entry.SwapMode ?? spec.SwapMode,
            SwapLong = entry.SwapLong ?? spec.SwapLong,
            SwapShort = entry.SwapShort ?? spec.SwapShort,
            SwapRollover3Days = entry.SwapRollover3Days ?? spec.SwapRollover3Days,
            QuoteSessions = entry.Sessions is null ? spec.QuoteSessions : ParseSessions(entry.Sessions, where),
            TradeSessions = entry.Sessions is null ? spec.TradeSessions : ParseSessions(entry.Sessions, where),
        };
    }

    private static SymbolSpec NewSpec(SymbolOverride entry, string where)
    {
        var missing = new List<string>();
        void Require(object? value, string field)
        {
            if (value is null)
            {
                missing.Add(field);
            }
        }

        Require(entry.CurrencyBase, "currency_base");
        Require(entry.CurrencyProfit, "currency_profit");
        Require(entry.AssetClass, "asset_class");
        Require(entry.Digits, "digits");
        Require(entry.ContractSize, "contract_size");
        Require(entry.CalcMode, "calc_mode");
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{where}: '{entry.Name}' is not in the catalogue, so it needs {string.Join(", ", missing)} (or \"based_on\" naming a catalogue symbol).");
        }

        return new SymbolSpec
        {
            Name = entry.Name!,
            CurrencyBase = entry.CurrencyBase!,
            CurrencyProfit = entry.CurrencyProfit!,
            CurrencyMargin = entry.CurrencyMargin ?? entry.CurrencyBase!,
            AssetClass = entry.AssetClass!.Value,
            Digits = entry.Digits!.Value,
            ContractSize = entry.ContractSize!.Value,
            CalcMode = entry.CalcMode!.Value,
            VolumeMin = 0.01m,
            VolumeMax = 100m,
            VolumeStep = 0.01m,
        };
    }

    private static SymbolFillingFlags ParseFilling(IReadOnlyList<string> names, string where)
    {
        var flags = SymbolFillingFlags.None;
        foreach (var name in names)
        {
            flags |= name.ToUpperInvariant() switch
            {
                "FOK" => SymbolFillingFlags.Fok,
                "IOC" => SymbolFillingFlags.Ioc,
                "BOC" => SymbolFillingFlags.Boc,
                _ => throw new InvalidDataException($"{where}: \"filling\": '{name}' is not a filling flag; allowed: fok, ioc, boc."),
            };
        }

        return flags;
    }

    private static TradingSession[] ParseSessions(IReadOnlyList<SessionOverride> sessions, string where)
    {
        var result = new TradingSession[sessions.Count];
        for (var i = 0; i < sessions.Count; i++)
        {
            result[i] = new TradingSession(sessions[i].Day, Minute(sessions[i].From, where), Minute(sessions[i].To, where));
        }

        return result;
    }

    private static int Minute(string text, string where)
    {
        var parts = text.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < 60 && (hours * 60) + minutes <= 1440)
        {
            return (hours * 60) + minutes;
        }

        throw new InvalidDataException($"{where}: session time '{text}' is not HH:mm between 00:00 and 24:00.");
    }

    private static JsonDocument ParseDocument(Stream stream, string path)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {error.LineNumber + 1}): {error.Message}", error);
        }
    }

    private static string Explain(JsonException error)
    {
        // The serializer's text names .NET types; the user needs the field name and where to look.
        var message = error.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var field = end > start ? message[(start + 1)..end] : "?";
            return $"unknown field '{field}'. The fields are listed in docs/configuration.md.";
        }

        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? "a value has the wrong type or is not one of the allowed names (see docs/configuration.md)."
            : message;
    }
}
